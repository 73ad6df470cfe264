/**
 * From a bucket-to-bucket plan to AWS's engines: the planned keys become
 * the Batch Operations manifest and the CreateJob request (checked with
 * aws-sdk-client-mock, moto has no CreateJob), Batch is refused where it
 * would misplace keys or cannot copy an object, and the offers follow the
 * config's thresholds.
 */
import {
  CreateJobCommand,
  S3ControlClient,
  type CreateJobCommandInput,
} from '@aws-sdk/client-s3-control';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../../source/aws/client-factory.js';
import { jobError } from '../../../source/aws/s3jobs/job-errors.js';
import { createS3JobsService } from '../../../source/aws/s3jobs/s3-jobs-service.js';
import { DEFAULT_HANDOFF } from '../../../source/config/handoff-defaults.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import type { BucketCopyTotals } from '../../../source/s3sync/copy/copy-totals.js';
import { batchRequest } from '../../../source/s3sync/handoff/handoff-requests.js';
import {
  copyPlaces,
  newPlannedCopies,
  notePlannedCopy,
  offerHandoff,
} from '../../../source/s3sync/handoff/copy-handoff.js';
import type { SyncSpec } from '../../../source/s3sync/sync-spec.js';

const credentials = { accessKeyId: 'x', secretAccessKey: 'y' };
const control = new S3ControlClient({ region: 'eu-west-1', credentials });
const s3 = new S3Client({ region: 'eu-west-1', credentials });
const controlMock = mockClient(control);
const s3Mock = mockClient(s3);
const ROLE = 'arn:aws:iam::123456789012:role/opsdeck-batch-copy';
const ALLOWED = {
  batch: { allowed: true, why: 'role' },
  datasync: { allowed: true, why: 'role' },
};

function jobs(readOnly = false) {
  const unused = () => Promise.reject(new Error('not in this test'));
  const factory = {
    settings: { profile: 'ops', region: 'eu-west-1', endpoint: undefined },
    s3: () => Promise.resolve(s3),
    s3control: () => Promise.resolve(control),
    sts: unused,
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

function totals(objects: number, bytes: number): BucketCopyTotals {
  return {
    objects,
    bytes,
    crossRegion: true,
    sourceRegion: 'us-east-1',
    destinationRegion: 'eu-west-1',
    copyRequests: objects,
    listRequests: 2,
    transferBilledBytes: bytes,
  };
}

/** The plan of copying media/photos/ to media-eu/photos/: three new keys, one unchanged. */
function plannedCopy(sourcePrefix = 'photos/', targetPrefix = 'photos/') {
  const spec: SyncSpec = {
    source: { kind: 's3', bucket: 'media', prefix: sourcePrefix },
    destination: { kind: 's3', bucket: 'media-eu', prefix: targetPrefix },
  };
  const places = copyPlaces(spec);
  if (!places) throw new Error('a bucket copy');
  const planned = newPlannedCopies();
  for (const [rel, bytes] of [
    ['a.jpg', 100],
    ['2026/b,c.jpg', 300],
    ['ünï.jpg', 200],
  ] as const)
    notePlannedCopy(planned, places, {
      action: 'copy',
      rel,
      reason: 'new',
      bytes,
    });
  notePlannedCopy(planned, places, {
    action: 'skip',
    rel: 'old.jpg',
    reason: 'unchanged',
    bytes: 0,
  });
  return { spec, places, planned };
}

beforeEach(() => {
  controlMock.reset();
  s3Mock.reset();
});

describe('a planned bucket copy handed to S3 Batch Operations', () => {
  it('writes the planned keys as the manifest and creates the job over it', async () => {
    s3Mock.on(PutObjectCommand).resolves({ ETag: '"etag-of-manifest"' });
    controlMock.on(CreateJobCommand).resolves({ JobId: 'job-7' });
    const { places, planned } = plannedCopy('', 'archive/');
    const request = batchRequest(places, totals(3, 600), planned, {
      roleArn: ROLE,
      reportBucket: 'media-eu',
      priority: 42,
    });
    const job = await jobs().createBatchCopy(request);
    expect(job).toMatchObject({ engine: 'batch', id: 'job-7' });

    const manifest = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(manifest?.Bucket).toBe('media-eu');
    // Only the copies, every key URL-encoded: the skip is not in it.
    expect(manifest?.Body).toBe(
      'media,a.jpg\nmedia,2026%2Fb%2Cc.jpg\nmedia,%C3%BCn%C3%AF.jpg\n',
    );
    const input = controlMock.commandCalls(CreateJobCommand)[0]?.args[0]
      .input as CreateJobCommandInput;
    expect(input.RoleArn).toBe(ROLE);
    expect(input.Priority).toBe(42);
    expect(input.Operation).toEqual({
      S3PutObjectCopy: {
        TargetResource: 'arn:aws:s3:::media-eu',
        TargetKeyPrefix: 'archive/',
        MetadataDirective: 'COPY',
      },
    });
    expect(input.Manifest?.Location).toEqual({
      ObjectArn: `arn:aws:s3:::media-eu/${manifest?.Key}`,
      ETag: 'etag-of-manifest',
    });
    expect(input.Manifest?.Spec).toEqual({
      Format: 'S3BatchOperations_CSV_20180820',
      Fields: ['Bucket', 'Key'],
    });
    expect(input.Report).toMatchObject({
      Bucket: 'arn:aws:s3:::media-eu',
      Enabled: true,
      ReportScope: 'FailedTasksOnly',
    });
  });

  it('a copy to the same prefix needs no key prefix; one that strips a prefix is refused', () => {
    const same = plannedCopy();
    const request = batchRequest(same.places, totals(3, 600), same.planned, {
      roleArn: ROLE,
      reportBucket: 'media-eu',
      priority: 10,
    });
    expect(request.targetPrefix).toBeUndefined();
    expect(request.keys.map((ref) => ref.key)).toEqual([
      'photos/a.jpg',
      'photos/2026/b,c.jpg',
      'photos/ünï.jpg',
    ]);
    const strip = plannedCopy('photos/', '');
    const decision = offerHandoff(
      totals(3, 600),
      strip.planned,
      strip.places,
      { minObjects: 3, minBytes: 2 ** 40 },
      ALLOWED,
    );
    const batch = decision.offers.find((offer) => offer.engine === 'batch');
    expect(batch?.allowed).toBe(false);
    expect(batch?.reason).toContain('keeps each source key whole');
    expect(
      decision.offers.find((offer) => offer.engine === 'datasync')?.recommended,
    ).toBe(true);
  });

  it('offers only above the config threshold, and refuses Batch for objects over 5 GiB', () => {
    const { places, planned } = plannedCopy();
    const below = offerHandoff(
      totals(3, 600),
      planned,
      places,
      { minObjects: 4, minBytes: 2 ** 40 },
      ALLOWED,
    );
    expect(below.large).toBe(false);
    expect(below.offers).toEqual([]);
    planned.largestBytes = 6 * 2 ** 30;
    const huge = offerHandoff(
      totals(3, 6 * 2 ** 30),
      planned,
      places,
      { minObjects: 1_000_000, minBytes: 2 ** 30 },
      ALLOWED,
    );
    expect(huge.large).toBe(true);
    expect(huge.offers.map((offer) => [offer.engine, offer.allowed])).toEqual([
      ['batch', false],
      ['datasync', true],
    ]);
  });

  it('read-only refuses the job before the manifest is written', async () => {
    const { places, planned } = plannedCopy();
    const request = batchRequest(places, totals(3, 600), planned, {
      roleArn: ROLE,
      reportBucket: 'media-eu',
      priority: 10,
    });
    await expect(jobs(true).createBatchCopy(request)).rejects.toThrow(
      'read-only',
    );
    expect(s3Mock.calls()).toEqual([]);
    expect(controlMock.calls()).toEqual([]);
  });
});

describe('an endpoint without S3 Batch Operations', () => {
  it('is named in the error, not the SDK parse failure', () => {
    const parse = new Error(
      '@aws-sdk XML parse error: mismatched tags <html> and </title>.\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
    );
    const said = jobError(parse, 's3:CreateJob', {
      profile: 'lab',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:5000',
    });
    expect(said.message).toBe(
      's3:CreateJob: http://127.0.0.1:5000 did not answer it as AWS does; it may not implement it',
    );
  });
});
