import { useInput, type Key } from 'ink';
import { useContext, useLayoutEffect, useRef } from 'react';
import {
  InputRouterContext,
  type InputHandler,
} from '../context/input-router.js';

export type { InputHandler } from '../context/input-router.js';

/**
 * Key input that always reaches the newest handler and is live from the
 * commit that mounted it. Outside an <InputRouterProvider> (a widget tested
 * alone) it falls back to Ink's useInput.
 */
export function useInputEvent(
  handler: InputHandler,
  isActive: boolean,
  /** Takes every key from the other handlers while active (an editor). */
  exclusive = false,
): void {
  const router = useContext(InputRouterContext);
  const latest = useRef(handler);
  const active = useRef(isActive);
  const alone = useRef(exclusive);
  useLayoutEffect(() => {
    latest.current = handler;
    active.current = isActive;
    alone.current = exclusive;
  });
  useLayoutEffect(
    () => router?.register({ handler: latest, active, exclusive: alone }),
    [router],
  );
  useInput((input: string, key: Key) => latest.current(input, key), {
    isActive: isActive && router === null,
  });
}
