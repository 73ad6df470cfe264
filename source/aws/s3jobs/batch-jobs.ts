/**
 * S3 Batch Operations copy jobs: the manifest of the planned keys written to
 * a bucket, CreateJob with S3PutObjectCopy, and the job followed by
 * DescribeJob until it ends. Jobs belong to an account and a region.
 */
import { randomUUID } from 'node:crypto';
import type {
  JobDescriptor,
  JobListDescriptor,
} from '@aws-sdk/client-s3-control';
import type { AwsClientFactory } from '../client-factory.js';
import { mappedCall } from '../aws-errors.js';
import {
  MANIFEST_FORMAT,
  REPORT_FORMAT,
  failedReportRows,
  manifestCsv,
  manifestFields,
} from './manifest.js';
import { jobError } from './job-errors.js';
import type {
  BatchCopyRequest,
  CopyJob,
  CopyJobPhase,
  FailureRow,
} from './types.js';

/** Where opsdeck keeps a job's manifest and report in the report bucket. */
const JOBS_PREFIX = 'opsdeck-jobs';

export interface BatchDeps {
  readonly factory: AwsClientFactory;
  readonly accountId: (signal?: AbortSignal) => Promise<string>;
}

function phaseOf(status: string | undefined): CopyJobPhase {
  switch (status) {
    case 'Complete':
      return 'done';
    case 'Failed':
      return 'failed';
    case 'Cancelled':
      return 'cancelled';
    default:
      return 'active';
  }
}

function batchJobView(
  job: JobDescriptor | JobListDescriptor,
  region: string,
): CopyJob {
  const summary = job.ProgressSummary;
  const described = job as JobDescriptor;
  const reportBucket = described.Report?.Bucket?.replace(
    /^arn:[^:]+:s3:::/,
    '',
  );
  return {
    engine: 'batch',
    id: job.JobId ?? '?',
    name: job.Description ?? '',
    status: job.Status ?? 'unknown',
    phase: phaseOf(job.Status),
    region,
    created: job.CreationTime,
    total: summary?.TotalNumberOfTasks,
    succeeded: summary?.NumberOfTasksSucceeded,
    failed: summary?.NumberOfTasksFailed,
    failureReasons: (described.FailureReasons ?? []).map(
      (reason) => `${reason.FailureCode ?? ''}: ${reason.FailureReason ?? ''}`,
    ),
    ...(reportBucket === undefined
      ? {}
      : {
          report: {
            bucket: reportBucket,
            prefix: described.Report?.Prefix ?? '',
          },
        }),
  };
}

export function createBatchJobs(deps: BatchDeps) {
  const { factory } = deps;
  const region = factory.settings.region;
  const call = <T>(action: string, run: () => Promise<T>) =>
    mappedCall(action, run, (error, name) =>
      jobError(error, name, factory.settings),
    );

  async function describe(id: string, signal?: AbortSignal): Promise<CopyJob> {
    const [client, { DescribeJobCommand }, accountId] = await Promise.all([
      factory.s3control(),
      import('@aws-sdk/client-s3-control'),
      deps.accountId(signal),
    ]);
    const result = await call('s3:DescribeJob', () =>
      client.send(new DescribeJobCommand({ AccountId: accountId, JobId: id }), {
        abortSignal: signal,
      }),
    );
    return batchJobView(result.Job ?? { JobId: id }, region);
  }

  return {
    describe,
    async list(signal?: AbortSignal): Promise<CopyJob[]> {
      const [client, { ListJobsCommand }, accountId] = await Promise.all([
        factory.s3control(),
        import('@aws-sdk/client-s3-control'),
        deps.accountId(signal),
      ]);
      const jobs: CopyJob[] = [];
      let token: string | undefined;
      do {
        const page = await call('s3:ListJobs', () =>
          client.send(
            new ListJobsCommand({ AccountId: accountId, NextToken: token }),
            { abortSignal: signal },
          ),
        );
        for (const job of page.Jobs ?? [])
          if (
            job.Operation === undefined ||
            job.Operation === 'S3PutObjectCopy'
          )
            jobs.push(batchJobView(job, region));
        token = page.NextToken;
      } while (token !== undefined && jobs.length < 1000);
      return jobs;
    },
    async cancel(id: string): Promise<CopyJob> {
      const [client, { UpdateJobStatusCommand }, accountId] = await Promise.all(
        [
          factory.s3control(),
          import('@aws-sdk/client-s3-control'),
          deps.accountId(),
        ],
      );
      await call('s3:UpdateJobStatus', () =>
        client.send(
          new UpdateJobStatusCommand({
            AccountId: accountId,
            JobId: id,
            RequestedJobStatus: 'Cancelled',
            StatusUpdateReason: 'cancelled in opsdeck',
          }),
        ),
      );
      return describe(id);
    },
    async create(request: BatchCopyRequest): Promise<CopyJob> {
      const token = randomUUID();
      const prefix = `${JOBS_PREFIX}/${token}`;
      const manifestKey = `${prefix}/manifest.csv`;
      const [
        s3,
        client,
        { CreateJobCommand },
        { PutObjectCommand },
        accountId,
      ] = await Promise.all([
        factory.s3(request.targetRegion),
        factory.s3control(request.targetRegion),
        import('@aws-sdk/client-s3-control'),
        import('@aws-sdk/client-s3'),
        deps.accountId(),
      ]);
      const written = await call('s3:PutObject', () =>
        s3.send(
          new PutObjectCommand({
            Bucket: request.reportBucket,
            Key: manifestKey,
            Body: manifestCsv(request.sourceBucket, request.keys),
            ContentType: 'text/csv',
          }),
        ),
      );
      const created = await call('s3:CreateJob', () =>
        client.send(
          new CreateJobCommand({
            AccountId: accountId,
            ConfirmationRequired: false,
            ClientRequestToken: token,
            Description: `opsdeck copy s3://${request.sourceBucket} to s3://${request.targetBucket}`,
            Priority: request.priority,
            RoleArn: request.roleArn,
            Operation: {
              S3PutObjectCopy: {
                TargetResource: `arn:aws:s3:::${request.targetBucket}`,
                ...(request.targetPrefix === undefined
                  ? {}
                  : { TargetKeyPrefix: request.targetPrefix }),
                MetadataDirective: 'COPY',
              },
            },
            Manifest: {
              Spec: {
                Format: MANIFEST_FORMAT,
                Fields: manifestFields(request.keys),
              },
              Location: {
                ObjectArn: `arn:aws:s3:::${request.reportBucket}/${manifestKey}`,
                ETag: written.ETag?.replace(/"/g, '') ?? '',
              },
            },
            Report: {
              Bucket: `arn:aws:s3:::${request.reportBucket}`,
              Prefix: prefix,
              Format: REPORT_FORMAT,
              Enabled: true,
              ReportScope: 'FailedTasksOnly',
            },
          }),
        ),
      );
      return {
        ...batchJobView(
          { JobId: created.JobId, Status: 'New' },
          request.targetRegion,
        ),
        name: `opsdeck copy s3://${request.sourceBucket} to s3://${request.targetBucket}`,
        report: { bucket: request.reportBucket, prefix },
      };
    },
    /** The report lands at <prefix>/job-<id>/results/<name>.csv once the job ends. */
    async failures(
      job: CopyJob,
      limit: number,
      signal?: AbortSignal,
    ): Promise<FailureRow[]> {
      if (job.report === undefined || (job.failed ?? 0) === 0) return [];
      const s3 = await factory.s3();
      const { ListObjectsV2Command, GetObjectCommand } =
        await import('@aws-sdk/client-s3');
      const { bucket, prefix } = job.report;
      const listed = await call('s3:ListBucket', () =>
        s3.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: `${prefix === '' ? '' : `${prefix}/`}job-${job.id}/results/`,
            MaxKeys: 20,
          }),
          { abortSignal: signal },
        ),
      );
      const rows: FailureRow[] = [];
      for (const item of listed.Contents ?? []) {
        if (rows.length >= limit || item.Key === undefined) break;
        const key = item.Key;
        const object = await call('s3:GetObject', () =>
          s3.send(
            new GetObjectCommand({
              Bucket: bucket,
              Key: key,
              Range: 'bytes=0-65535',
            }),
            { abortSignal: signal },
          ),
        );
        const text = (await object.Body?.transformToString()) ?? '';
        rows.push(...failedReportRows(text, limit - rows.length));
      }
      return rows;
    },
  };
}
