/**
 * Copies handed to AWS, one service over both engines. Create and cancel are
 * refused in read-only mode before any call (the manifest upload, the
 * account lookup), not only where the write leaves the process.
 */
import type { HandoffSettings } from '../../config/handoff-schema.js';
import { describeError } from '../../lib/errors.js';
import type { WriteGuard } from '../../safety/read-only.js';
import type { AwsClientFactory } from '../client-factory.js';
import { createBatchJobs } from './batch-jobs.js';
import { createDataSyncTasks, isDataSyncId } from './datasync-tasks.js';
import { bucketStorageMetrics } from './storage-metrics.js';
import type { CopyJob, S3JobsService } from './types.js';

export interface S3JobsDeps {
  readonly factory: AwsClientFactory;
  readonly guard: WriteGuard;
  readonly handoff: HandoffSettings;
  readonly accountId: (signal?: AbortSignal) => Promise<string>;
}

const newestFirst = (a: CopyJob, b: CopyJob) =>
  (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0);

export function createS3JobsService(deps: S3JobsDeps): S3JobsService {
  const batch = createBatchJobs(deps);
  const dataSync = createDataSyncTasks(deps.factory);
  const { guard, handoff } = deps;

  const probe = async (
    roleName: string,
    role: string | undefined,
    listing: () => Promise<unknown>,
  ) => {
    if (role === undefined)
      return {
        allowed: false,
        why: `no IAM role for it: set handoff.${roleName} in config.yaml`,
      };
    try {
      await listing();
      return { allowed: true, why: `role ${role}` };
    } catch (error) {
      return { allowed: false, why: describeError(error) };
    }
  };

  return {
    async list(signal) {
      const [jobs, tasks] = await Promise.allSettled([
        batch.list(signal),
        dataSync.list(signal),
      ]);
      if (jobs.status === 'rejected' && tasks.status === 'rejected')
        throw jobs.reason;
      const missing = [
        jobs.status === 'rejected'
          ? `Batch Operations: ${describeError(jobs.reason)}`
          : undefined,
        tasks.status === 'rejected'
          ? `DataSync: ${describeError(tasks.reason)}`
          : undefined,
      ].filter((text) => text !== undefined);
      return {
        jobs: [
          ...(jobs.status === 'fulfilled' ? jobs.value : []),
          ...(tasks.status === 'fulfilled' ? tasks.value : []),
        ].sort(newestFirst),
        note: missing.length === 0 ? undefined : missing.join('; '),
      };
    },
    status: (id, signal) =>
      isDataSyncId(id)
        ? dataSync.describe(id, signal)
        : batch.describe(id, signal),
    async failures(job, limit, signal) {
      if (job.engine === 'batch') return batch.failures(job, limit, signal);
      // DataSync keeps per-object errors in its CloudWatch log, not in a report opsdeck reads.
      return job.failureReasons.slice(0, limit).map((reason) => {
        const [code = '', ...rest] = reason.split(': ');
        return { key: '(the whole task)', code, message: rest.join(': ') };
      });
    },
    async cancel(id) {
      if (isDataSyncId(id)) {
        guard.check('datasync', 'CancelTaskExecution');
        return dataSync.cancel(id);
      }
      guard.check('s3control', 'UpdateJobStatus');
      return batch.cancel(id);
    },
    async createBatchCopy(request) {
      guard.check('s3control', 'CreateJob');
      return batch.create(request);
    },
    async createDataSyncCopy(request) {
      guard.check('datasync', 'CreateTask');
      return dataSync.create(request);
    },
    async access(signal) {
      const [batchAccess, dataSyncAccess] = await Promise.all([
        probe('batchRoleArn', handoff.batchRoleArn, () => batch.list(signal)),
        probe('dataSyncRoleArn', handoff.dataSyncRoleArn, () =>
          dataSync.list(signal),
        ),
      ]);
      return { batch: batchAccess, datasync: dataSyncAccess };
    },
    storageMetrics: (bucket, region, signal) =>
      bucketStorageMetrics(deps.factory, bucket, region, signal),
  };
}
