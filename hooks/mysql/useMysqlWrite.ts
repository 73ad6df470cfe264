import { useCallback } from 'react';
import { describeError } from '../../source/lib/errors.js';
import { useShellApi } from '../context/shell-context.js';

/**
 * Runs a MySQL write the user confirmed and says how it went; never throws.
 * The service layer refuses writes in read-only mode and logs each one.
 */
export function useMysqlWrite(): (
  what: string,
  call: () => Promise<unknown>,
  after?: () => void,
) => Promise<boolean> {
  const { report } = useShellApi();
  return useCallback(
    async (what, call, after) => {
      try {
        await call();
        report('info', 'mysql', `${what}: done`);
        after?.();
        return true;
      } catch (error) {
        report('error', 'mysql', `${what}: ${describeError(error)}`);
        return false;
      }
    },
    [report],
  );
}
