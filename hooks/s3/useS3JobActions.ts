import { useCallback } from 'react';
import type { CopyJob } from '../../source/aws/s3jobs/types.js';
import type { Command } from '../../source/keymap/index.js';
import { cancelJobRequest } from '../../source/panes/s3/s3-job-dialogs.js';
import type { PaneCommandContext } from '../../source/table/table-spec.js';
import { resultOf, useConfirmedWrite } from '../actions/useWriteAction.js';
import { useJob } from '../actions/useJob.js';
import { useShellApi } from '../context/shell-context.js';

const FOLLOW_EVERY_MS = 5000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

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
  const runJob = useJob();
  const { s3Jobs } = shell.session.services;

  const follow = useCallback(
    (job: CopyJob, refresh: () => void) =>
      runJob({
        title: `${job.engine === 'batch' ? 'batch' : 'datasync'} ${job.name || job.id}`,
        source: 's3',
        async work({ signal, report }) {
          for (;;) {
            const now = await s3Jobs.status(job.id, signal);
            report({
              itemsDone: (now.succeeded ?? 0) + (now.failed ?? 0),
              itemsTotal: now.total,
              bytesDone: now.bytesDone ?? 0,
              bytesTotal: now.bytesTotal,
            });
            if (now.phase !== 'active') return now;
            await sleep(FOLLOW_EVERY_MS, signal);
          }
        },
        done: (now) => `${now.name || now.id}: ${now.status}`,
        warn: (now) => now.phase !== 'done' || (now.failed ?? 0) > 0,
        refresh,
      }),
    [runJob, s3Jobs],
  );

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
