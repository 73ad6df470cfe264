import { useInput, type Key } from 'ink';
import { useContext, useLayoutEffect, useRef } from 'react';
import { InputRouterContext, type InputHandler } from './input-router.js';

export type { InputHandler } from './input-router.js';

/**
 * Key input that always reaches the newest handler and is live from the
 * commit that mounted it. Outside an <InputRouterProvider> (a widget tested
 * alone) it falls back to Ink's useInput.
 */
export function useInputEvent(handler: InputHandler, isActive: boolean): void {
  const router = useContext(InputRouterContext);
  const latest = useRef(handler);
  const active = useRef(isActive);
  useLayoutEffect(() => {
    latest.current = handler;
    active.current = isActive;
  });
  useLayoutEffect(
    () => router?.register({ handler: latest, active }),
    [router],
  );
  useInput((input: string, key: Key) => latest.current(input, key), {
    isActive: isActive && router === null,
  });
}
