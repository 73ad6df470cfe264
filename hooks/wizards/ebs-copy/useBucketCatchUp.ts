import { useCallback } from 'react';
import { formatBytes } from '../../../source/lib/byte-size.js';
import { describeError } from '../../../source/lib/errors.js';
import type { RunSummary } from '../../../source/wizards/ebs-copy/run-types.js';
import { catchUpRequest } from '../../../source/wizards/ebs-copy/views/dialogs.js';
import { useJob } from '../../actions/useJob.js';
import { useShellApi } from '../../context/shell-context.js';
import { useEbsCopyGuards } from './useEbsCopyGuards.js';

const SOURCE = 'ebs-copy';

/**
 * The finish screen's catch-up sync of a bucket run, asked (y/N) and run
 * as a job: copies what the source gained since the copy, and only that.
 */
export function useBucketCatchUp(): (summary: RunSummary) => Promise<void> {
  const { session, confirm, report } = useShellApi();
  const service = session.services.ebsCopy;
  const { refusedReadOnly, busy } = useEbsCopyGuards();
  const runJob = useJob();
  return useCallback(
    async (summary) => {
      const buckets = summary.catchUp;
      if (buckets === undefined)
        return report(
          'info',
          SOURCE,
          'a catch-up sync follows a finished bucket copy',
        );
      if (refusedReadOnly('the catch-up sync') || busy()) return;
      const answer = await confirm(catchUpRequest(buckets));
      if (!answer.confirmed) return;
      await runJob({
        title: `catch-up ${buckets.target}`,
        source: SOURCE,
        started: (jobId) => service.wizard.setJob(jobId),
        work: async ({ signal, report: progress }) => {
          const engine = await service.engine();
          return engine.catchUp(summary.runId, {
            signal,
            onProgress: (at) =>
              progress({
                itemsDone: at.itemsDone,
                itemsTotal: at.itemsTotal,
                bytesDone: at.bytesDone,
                bytesTotal: at.bytesTotal,
              }),
          });
        },
        done: (result) => {
          service.wizard.setJob(undefined);
          return result.failedCount > 0
            ? {
                level: 'error',
                text: `catch-up ${buckets.target}: ${result.failedCount} object(s) not copied, first ${result.failed[0]?.rel ?? '?'}: ${result.failed[0]?.message ?? ''}`,
              }
            : `catch-up ${buckets.target}: ${result.copied.toLocaleString('en-US')} copied (${formatBytes(result.bytes)}), ${result.skipped.unchanged.toLocaleString('en-US')} unchanged`;
        },
        failed: (error, cancelled) => {
          service.wizard.setJob(undefined);
          return {
            level: cancelled ? 'warn' : 'error',
            text: cancelled
              ? `catch-up ${buckets.target} cancelled; c runs it again`
              : `catch-up ${buckets.target}: ${describeError(error)}`,
          };
        },
      });
    },
    [service, refusedReadOnly, busy, confirm, runJob, report],
  );
}
