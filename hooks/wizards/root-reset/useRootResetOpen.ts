import { useCallback } from 'react';
import type { MysqlConnectionProfile } from '../../../source/config/mysql-profile-schema.js';
import { useShellApi } from '../../context/shell-context.js';
import { useRootResetConnect } from './useRootResetConnect.js';

/**
 * Opens the root-password reset wizard on a connection (from the MySQL
 * pane's list) and starts connecting. A running reset is shown instead.
 */
export function useRootResetOpen(): (
  name: string,
  profile: MysqlConnectionProfile,
) => void {
  const { session, openPane, report } = useShellApi();
  const { connect } = useRootResetConnect();
  return useCallback(
    (name, profile) => {
      openPane('reset-root');
      if (session.services.rootReset.wizard.getSnapshot().jobId !== undefined)
        return report(
          'warn',
          'reset-root',
          'a reset is running: start another when it ends',
        );
      void connect(name, profile);
    },
    [session, openPane, report, connect],
  );
}
