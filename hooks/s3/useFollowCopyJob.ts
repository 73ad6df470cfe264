import { useCallback } from 'react';
import type { CopyJob } from '../../source/aws/s3jobs/types.js';
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
 * Puts a copy job handed to AWS in the job strip until it ends; Ctrl+C there
 * stops following, not the job.
 */
export function useFollowCopyJob(): (
  job: CopyJob,
  refresh?: () => void,
) => Promise<CopyJob | undefined> {
  const shell = useShellApi();
  const runJob = useJob();
  const { s3Jobs } = shell.session.services;
  return useCallback(
    (job: CopyJob, refresh?: () => void) =>
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
        ...(refresh ? { refresh } : {}),
      }),
    [runJob, s3Jobs],
  );
}
