import type { Key } from 'ink';
import {
  keyName,
  type Command,
  type Scope,
} from '../../source/keymap/index.js';
import { useAppDeps } from '../context/app-context.js';
import { useInputEvent } from './useInputEvent.js';

export type CommandHandler = (
  command: Command,
  key: string,
  input: string,
) => void;

/** Routes key presses through the keymap: handlers see commands, not keys. */
export function useKeys(
  scopes: readonly Scope[],
  onCommand: CommandHandler,
  isActive: boolean,
  /** Only these keys reach anyone while active (see useInputEvent). */
  exclusive = false,
): void {
  const { keymap } = useAppDeps();
  useInputEvent(
    (input: string, key: Key) => {
      const name = keyName(input, key);
      const command = keymap.resolve(name, scopes);
      if (command !== undefined && name !== undefined)
        onCommand(command, name, input);
    },
    isActive,
    exclusive,
  );
}
