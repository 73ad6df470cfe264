/** What the `:s3-jobs` pane asks before it cancels a copy job. */
import type { CopyJob } from '../../aws/s3jobs/types.js';
import type { ConfirmRequest } from '../../safety/confirm.js';
import { jobProgress } from './s3-jobs-spec.js';

export function cancelJobRequest(job: CopyJob): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Cancel the ${job.engine === 'batch' ? 'Batch Operations job' : 'DataSync execution'}`,
    targets: [`${job.name || job.id}  ${job.status}  ${jobProgress(job)}`],
    warnings: [
      'Objects copied so far stay in the target; a re-run copies the rest.',
    ],
    action: 'Cancel job',
  };
}
