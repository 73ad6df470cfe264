import { useCallback, useEffect, useRef } from 'react';
import { useAppDeps } from '../context/app-context.js';

/**
 * Runs a one-off call (a describe, a listing for a picker, a delete) with a
 * signal that really aborts: Ctrl+C cancels it like any fetch in flight, and
 * leaving the view that started it cancels it too.
 */
export function useCancellable(): <T>(
  work: (signal: AbortSignal) => Promise<T>,
) => Promise<T> {
  const { inFlight } = useAppDeps();
  const live = useRef(new Set<AbortController>());
  useEffect(() => {
    const controllers = live.current;
    return () => {
      for (const controller of controllers) controller.abort();
    };
  }, []);
  return useCallback(
    async <T>(work: (signal: AbortSignal) => Promise<T>) => {
      const controller = new AbortController();
      live.current.add(controller);
      const untrack = inFlight.track(controller);
      try {
        return await work(controller.signal);
      } finally {
        untrack();
        live.current.delete(controller);
      }
    },
    [inFlight],
  );
}
