import type { CopyJob } from '../../source/aws/s3jobs/types.js';
import type { Command } from '../../source/keymap/index.js';
import { cancelJobRequest } from '../../source/panes/s3/s3-job-dialogs.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';
import { resultOf, useConfirmedWrite } from '../actions/useWriteAction.js';
import { useShellApi } from '../context/shell-context.js';
import { useFollowCopyJob } from './useFollowCopyJob.js';

/**
 * The copy-job keys: cancel (confirmed), and follow, which puts the job in
 * the job strip until it ends; Ctrl+C there stops following, not the job.
 */
export function useS3JobActions(): (
  command: Command,
  context: PaneCommandContext<CopyJob>,
) => void {
  const shell = useShellApi();
  const confirmedWrite = useConfirmedWrite();
  const { s3Jobs } = shell.session.services;

  const follow = useFollowCopyJob();

  return (command, { row, refresh }) => {
    if (!row) return;
    switch (command) {
      case 's3jobs.cancel':
        if (row.phase !== 'active') {
          shell.report(
            'info',
            's3',
            `${row.name || row.id} has ended: ${row.status}`,
          );
          return;
        }
        void confirmedWrite(cancelJobRequest(row), () => ({
          what: `cancel ${row.name || row.id}`,
          source: 's3',
          call: resultOf(() => s3Jobs.cancel(row.id)),
          refresh,
        }));
        return;
      case 's3jobs.follow':
        void follow(row, refresh);
        return;
      default:
        break;
    }
  };
}
