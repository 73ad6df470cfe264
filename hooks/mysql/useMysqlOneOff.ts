import { useCallback } from 'react';
import {
  oneOffFormAt,
  parseOneOff,
} from '../../source/panes/mysql/mysql-dialogs.js';
import { useShellApi } from '../context/shell-context.js';
import type { MysqlConnectionControl } from './useMysqlConnection.js';

/**
 * Connects once to user@host[:port], asked in a form (`target` filled in
 * when known). True when it connected; nothing is saved.
 */
export function useMysqlOneOff(
  connect: MysqlConnectionControl['connect'],
): (target?: string) => Promise<boolean> {
  const { ask } = useShellApi();
  return useCallback(
    async (initial?: string) => {
      const values = await ask(oneOffFormAt(initial));
      const target = values?.['target']?.trim();
      if (!target) return false;
      const profile = parseOneOff(target, values?.['mysqlUser'] ?? 'root');
      return profile ? connect(target, profile) : false;
    },
    [ask, connect],
  );
}
