import { useInput } from 'ink';
import { useState, type ReactNode } from 'react';
import {
  createInputRouter,
  InputRouterContext,
} from '../../hooks/context/input-router.js';

/** Subscribes to Ink's input once, at mount, and hands every key to the router. */
export function InputRouterProvider({
  children,
}: {
  readonly children: ReactNode;
}) {
  const [router] = useState(createInputRouter);
  useInput((input, key) => router.dispatch(input, key));
  return (
    <InputRouterContext.Provider value={router}>
      {children}
    </InputRouterContext.Provider>
  );
}
