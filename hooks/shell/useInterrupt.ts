import { useCallback, useRef } from 'react';

/** A second Ctrl+C within this many milliseconds quits. */
const QUIT_WINDOW_MS = 2000;

export interface InterruptOptions {
  /** Cancels whatever runs; returns how many things it stopped. */
  readonly cancel: () => number;
  readonly quit: () => void;
  readonly notify: (text: string) => void;
  now?: () => number;
}

/** Ctrl+C: the first press cancels running work, the second press quits. */
export function useInterrupt({
  cancel,
  quit,
  notify,
  now = Date.now,
}: InterruptOptions): () => void {
  const armedUntil = useRef(0);
  return useCallback(() => {
    const at = now();
    if (at < armedUntil.current) {
      quit();
      return;
    }
    armedUntil.current = at + QUIT_WINDOW_MS;
    const cancelled = cancel();
    notify(
      cancelled > 0
        ? `cancelled ${cancelled} running task${cancelled === 1 ? '' : 's'}; Ctrl+C again quits`
        : 'Ctrl+C again quits',
    );
  }, [cancel, quit, notify, now]);
}
