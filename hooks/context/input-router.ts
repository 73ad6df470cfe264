/**
 * One input listener for the whole app. Handlers register in layout effects,
 * which run inside the synchronous commit, so a prompt or dialog opened by one
 * key already receives the next key (Ink's own useInput subscribes later, in
 * a passive effect, and would miss it).
 */
import type { Key } from 'ink';
import { createContext } from 'react';

export type InputHandler = (input: string, key: Key) => void;

export interface InputRoute {
  readonly handler: { current: InputHandler };
  readonly active: { current: boolean };
  /** While active, only exclusive routes get keys (a text editor inside a pane). */
  readonly exclusive?: { current: boolean };
}

export interface InputRouter {
  readonly register: (route: InputRoute) => () => void;
  readonly dispatch: (input: string, key: Key) => void;
  /** Hears every key before any handler does (the status line's "until the next key"). */
  readonly beforeEachKey: (listener: () => void) => () => void;
}

export function createInputRouter(): InputRouter {
  const routes = new Set<InputRoute>();
  const listeners = new Set<() => void>();
  return {
    beforeEachKey(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    register(route) {
      routes.add(route);
      return () => routes.delete(route);
    },
    dispatch(input, key) {
      for (const listener of [...listeners]) listener();
      // A snapshot: handlers that open or close views change the set as they run.
      const all = [...routes];
      const alone = all.some(
        (route) => route.active.current && route.exclusive?.current,
      );
      for (const route of all) {
        if (!route.active.current) continue;
        if (alone && !route.exclusive?.current) continue;
        route.handler.current(input, key);
      }
    },
  };
}

export const InputRouterContext = createContext<InputRouter | null>(null);
