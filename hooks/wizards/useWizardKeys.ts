import type { Scope, Command } from '../../source/keymap/index.js';
import { useKeys } from '../input/useKeys.js';

/**
 * A wizard's keys: its own scope, and Esc, which stays the shell's (back) but
 * which the wizard also hears, to offer stopping a run.
 */
export function useWizardKeys(
  scope: Scope,
  onCommand: (command: Command) => void,
  isActive: boolean,
): void {
  useKeys([scope], (command) => onCommand(command), isActive);
  useKeys(
    ['global'],
    (command) => command === 'shell.back' && onCommand(command),
    isActive,
  );
}
