import { useCallback } from 'react';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

/**
 * Read-only mode refuses a write key before any dialog opens (the service
 * layer refuses again). True when the command was refused.
 */
export function useMysqlRefuse(
  guard: { readonly readOnly: boolean; readonly reason: string } | undefined,
): (command: string) => boolean {
  const { keymap } = useAppDeps();
  const { report } = useShellApi();
  return useCallback(
    (command: string) => {
      if (!guard?.readOnly || keymap.binding(command)?.write !== true)
        return false;
      const what = command.slice(command.lastIndexOf('.') + 1);
      report(
        'warn',
        'mysql',
        `read-only: ${what} is a write and was not sent (${guard.reason})`,
      );
      return true;
    },
    [guard, keymap, report],
  );
}
