/**
 * Copies handed to AWS, in memory, for component tests: jobs of both
 * engines, cancel and create that change what the next list shows, and the
 * write guard asked first the way the real service asks it.
 */
import type {
  CopyJob,
  EngineAccess,
  FailureRow,
  HandoffEngine,
  S3JobsService,
} from '../../../source/aws/s3jobs/types.js';
import type { WriteGuard } from '../../../source/safety/read-only.js';

export interface FakeS3Jobs {
  readonly jobs: CopyJob[];
  readonly failureRows: Map<string, FailureRow[]>;
  readonly calls: string[];
  /** What access() answers: both engines allowed unless a test says otherwise. */
  readonly access: Record<HandoffEngine, EngineAccess>;
  readonly service: (guard: WriteGuard) => S3JobsService;
}

export function batchJob(overrides: Partial<CopyJob> = {}): CopyJob {
  return {
    engine: 'batch',
    id: '6c1f2b0e-0000-4000-8000-000000000001',
    name: 'opsdeck copy s3://media to s3://media-eu',
    status: 'Active',
    phase: 'active',
    region: 'us-east-1',
    created: new Date('2026-12-01T10:00:00Z'),
    total: 2_000_000,
    succeeded: 500_000,
    failed: 12,
    failureReasons: [],
    ...overrides,
  };
}

export function createFakeS3Jobs(initial: readonly CopyJob[] = []): FakeS3Jobs {
  const jobs = [...initial];
  const failureRows = new Map<string, FailureRow[]>();
  const calls: string[] = [];
  const access: Record<HandoffEngine, EngineAccess> = {
    batch: { allowed: true, why: 'role' },
    datasync: { allowed: true, why: 'role' },
  };
  const find = (id: string) => {
    const job = jobs.find((candidate) => candidate.id === id);
    if (!job) throw new Error(`no such copy job: ${id}`);
    return job;
  };
  return {
    jobs,
    failureRows,
    calls,
    access,
    service: (guard) => ({
      list: () => (calls.push('list'), Promise.resolve({ jobs: [...jobs] })),
      status: (id) => Promise.resolve(find(id)),
      failures: (job, limit) =>
        Promise.resolve((failureRows.get(job.id) ?? []).slice(0, limit)),
      cancel: async (id) => {
        guard.check(
          find(id).engine === 'batch' ? 's3control' : 'datasync',
          'UpdateJobStatus',
        );
        calls.push(`cancel ${id}`);
        const index = jobs.findIndex((job) => job.id === id);
        const cancelled = {
          ...find(id),
          status: 'Cancelled',
          phase: 'cancelled' as const,
        };
        jobs[index] = cancelled;
        return Promise.resolve(cancelled);
      },
      createBatchCopy: async (request) => {
        guard.check('s3control', 'CreateJob');
        calls.push(`batch ${request.sourceBucket}`);
        const job = batchJob({ id: `job-${jobs.length + 1}`, status: 'New' });
        jobs.push(job);
        return Promise.resolve(job);
      },
      createDataSyncCopy: async (request) => {
        guard.check('datasync', 'CreateTask');
        calls.push(`datasync ${request.sourceBucket}`);
        const job = batchJob({
          engine: 'datasync',
          id: `arn:aws:datasync:us-east-1:111111111111:task/task-1/execution/exec-${jobs.length + 1}`,
          status: 'QUEUED',
        });
        jobs.push(job);
        return Promise.resolve(job);
      },
      access: () => (calls.push('access'), Promise.resolve({ ...access })),
      storageMetrics: () => Promise.resolve(undefined),
    }),
  };
}
