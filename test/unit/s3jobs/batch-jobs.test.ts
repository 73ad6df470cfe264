/**
 * S3 Batch Operations with aws-sdk-client-mock (moto has no CreateJob): the
 * manifest written in the documented CSV format and its ETag passed on, the
 * CreateJob request shape (typed by the SDK's own input type), the failure
 * report's first rows, cancel, and read-only refusal before any call.
 */
import {
  CreateJobCommand,
  DescribeJobCommand,
  S3ControlClient,
  UpdateJobStatusCommand,
  type CreateJobCommandInput,
} from '@aws-sdk/client-s3-control';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../../source/aws/client-factory.js';
import { createS3JobsService } from '../../../source/aws/s3jobs/s3-jobs-service.js';
import { DEFAULT_HANDOFF } from '../../../source/config/handoff-defaults.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';

const credentials = { accessKeyId: 'x', secretAccessKey: 'y' };
const control = new S3ControlClient({ region: 'eu-west-1', credentials });
const s3 = new S3Client({ region: 'eu-west-1', credentials });
const controlMock = mockClient(control);
const s3Mock = mockClient(s3);
const ROLE = 'arn:aws:iam::123456789012:role/opsdeck-batch-copy';

function service(readOnly = false) {
  const unused = () => Promise.reject(new Error('not in this test'));
  const factory = {
    settings: { profile: 'ops', region: 'eu-west-1', endpoint: undefined },
    s3: () => Promise.resolve(s3),
    s3control: () => Promise.resolve(control),
    sts: unused,
    ec2: unused,
    datasync: unused,
    cloudwatch: unused,
    destroy: () => undefined,
  } as unknown as AwsClientFactory;
  return createS3JobsService({
    factory,
    guard: createWriteGuard(readOnly, '--read-only'),
    handoff: { ...DEFAULT_HANDOFF, batchRoleArn: ROLE },
    accountId: () => Promise.resolve('123456789012'),
  });
}

const request = {
  sourceBucket: 'media',
  keys: [
    { key: 'a.jpg' },
    { key: 'dir/with space,comma.txt' },
    { key: 'ünï/\n.txt' },
  ],
  targetBucket: 'media-eu',
  targetRegion: 'eu-west-1',
  reportBucket: 'media-eu',
  roleArn: ROLE,
  priority: 10,
};

beforeEach(() => {
  controlMock.reset();
  s3Mock.reset();
});

describe('S3 Batch Operations copy jobs', () => {
  it('writes the CSV manifest, then creates an S3PutObjectCopy job over it', async () => {
    s3Mock.on(PutObjectCommand).resolves({ ETag: '"abc123"' });
    controlMock.on(CreateJobCommand).resolves({ JobId: 'job-1' });
    const job = await service().createBatchCopy(request);
    expect(job).toMatchObject({
      engine: 'batch',
      id: 'job-1',
      phase: 'active',
    });

    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put?.Bucket).toBe('media-eu');
    expect(put?.Key).toMatch(/^opsdeck-jobs\/[0-9a-f-]{36}\/manifest\.csv$/);
    // bucket,key with the key URL-encoded: one row per key, no header.
    expect(put?.Body).toBe(
      'media,a.jpg\nmedia,dir%2Fwith%20space%2Ccomma.txt\nmedia,%C3%BCn%C3%AF%2F%0A.txt\n',
    );

    const sent = controlMock.commandCalls(CreateJobCommand)[0]?.args[0].input;
    const prefix = put?.Key?.replace(/\/manifest\.csv$/, '');
    const expected: CreateJobCommandInput = {
      AccountId: '123456789012',
      ConfirmationRequired: false,
      ClientRequestToken: prefix?.split('/')[1] ?? '',
      Description: 'opsdeck copy s3://media to s3://media-eu',
      Priority: 10,
      RoleArn: ROLE,
      Operation: {
        S3PutObjectCopy: {
          TargetResource: 'arn:aws:s3:::media-eu',
          MetadataDirective: 'COPY',
        },
      },
      Manifest: {
        Spec: {
          Format: 'S3BatchOperations_CSV_20180820',
          Fields: ['Bucket', 'Key'],
        },
        Location: {
          ObjectArn: `arn:aws:s3:::media-eu/${put?.Key ?? ''}`,
          ETag: 'abc123',
        },
      },
      Report: {
        Bucket: 'arn:aws:s3:::media-eu',
        Prefix: prefix,
        Format: 'Report_CSV_20180820',
        Enabled: true,
        ReportScope: 'FailedTasksOnly',
      },
    };
    expect(sent).toEqual(expected);
  });

  it('adds the VersionId field when a key names a version', async () => {
    s3Mock.on(PutObjectCommand).resolves({ ETag: '"e"' });
    controlMock.on(CreateJobCommand).resolves({ JobId: 'job-2' });
    await service().createBatchCopy({
      ...request,
      keys: [{ key: 'a', versionId: 'v1' }, { key: 'b' }],
    });
    expect(s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input.Body).toBe(
      'media,a,v1\nmedia,b,\n',
    );
    expect(
      controlMock.commandCalls(CreateJobCommand)[0]?.args[0].input.Manifest
        ?.Spec?.Fields,
    ).toEqual(['Bucket', 'Key', 'VersionId']);
  });

  it('describes progress and reads the first failed rows of the report', async () => {
    controlMock.on(DescribeJobCommand).resolves({
      Job: {
        JobId: 'job-1',
        Status: 'Complete',
        Description: 'opsdeck copy',
        ProgressSummary: {
          TotalNumberOfTasks: 3,
          NumberOfTasksSucceeded: 1,
          NumberOfTasksFailed: 2,
        },
        Report: {
          Bucket: 'arn:aws:s3:::media-eu',
          Prefix: 'opsdeck-jobs/t',
          Enabled: true,
        },
      },
    });
    s3Mock.on(ListObjectsV2Command).resolves({
      Contents: [{ Key: 'opsdeck-jobs/t/job-job-1/results/r.csv' }],
    });
    s3Mock.on(GetObjectCommand).resolves({
      // The SDK's stream body, as far as the service reads it.
      Body: {
        transformToString: () =>
          Promise.resolve(
            'media,a.jpg,,succeeded,200,,Successful\n' +
              'media,b%2Cc.jpg,,failed,403,AccessDenied,"Access Denied, by policy"\n' +
              'media,d.jpg,,failed,404,NoSuchKey,gone\n',
          ),
      } as never,
    });
    const jobs = service();
    const job = await jobs.status('job-1');
    expect(job).toMatchObject({
      phase: 'done',
      total: 3,
      succeeded: 1,
      failed: 2,
      report: { bucket: 'media-eu', prefix: 'opsdeck-jobs/t' },
    });
    expect(await jobs.failures(job, 1)).toEqual([
      {
        key: 'b,c.jpg',
        code: 'AccessDenied',
        message: 'Access Denied, by policy',
      },
    ]);
    expect(
      s3Mock.commandCalls(ListObjectsV2Command)[0]?.args[0].input.Prefix,
    ).toBe('opsdeck-jobs/t/job-job-1/results/');
  });

  it('cancels with UpdateJobStatus', async () => {
    controlMock.on(UpdateJobStatusCommand).resolves({ Status: 'Cancelling' });
    controlMock
      .on(DescribeJobCommand)
      .resolves({ Job: { JobId: 'job-1', Status: 'Cancelled' } });
    const job = await service().cancel('job-1');
    expect(job.phase).toBe('cancelled');
    expect(
      controlMock.commandCalls(UpdateJobStatusCommand)[0]?.args[0].input,
    ).toEqual({
      AccountId: '123456789012',
      JobId: 'job-1',
      RequestedJobStatus: 'Cancelled',
      StatusUpdateReason: 'cancelled in opsdeck',
    });
  });

  it('read-only refuses create and cancel before any call', async () => {
    const jobs = service(true);
    await expect(jobs.createBatchCopy(request)).rejects.toThrow(
      'read-only: s3control:CreateJob was not sent',
    );
    await expect(jobs.cancel('job-1')).rejects.toThrow('read-only');
    expect(s3Mock.calls()).toEqual([]);
    expect(controlMock.calls()).toEqual([]);
  });
});
