import {
  CreateBucketCommand,
  HeadBucketCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../../source/aws/client-factory.js';
import { makeBucket } from '../../../source/aws/s3/buckets.js';
import { checkNameFree } from '../../../source/aws/s3/bucket-name-probe.js';

const client = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const s3 = mockClient(client);
const factory = {
  settings: { profile: 'ops', region: 'us-east-1', endpoint: undefined },
  s3: () => Promise.resolve(client),
} as unknown as AwsClientFactory;
// A HEAD answer has no body: only the status says what happened.
const headError = (status: number) =>
  new S3ServiceException({
    name: String(status),
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    message: 'UnknownError',
  });

beforeEach(() => s3.reset());

describe('the name check before mb', () => {
  it('says another account has the name on 403, and makes nothing', async () => {
    s3.on(HeadBucketCommand).rejects(headError(403));
    await expect(
      makeBucket(factory, 'their-logs', 'us-east-1'),
    ).rejects.toThrow('the name their-logs is taken by another account');
    expect(s3.commandCalls(CreateBucketCommand)).toHaveLength(0);
  });

  it('says you own it, with its region, on 200', async () => {
    s3.on(HeadBucketCommand).resolves({ BucketRegion: 'eu-west-1' });
    await expect(
      checkNameFree(factory, 'our-logs', 'us-east-1'),
    ).rejects.toThrow('you already own our-logs (eu-west-1)');
  });

  it('goes on to CreateBucket on 404', async () => {
    s3.on(HeadBucketCommand).rejects(headError(404));
    s3.on(CreateBucketCommand).resolves({});
    await makeBucket(factory, 'new-logs', 'us-east-1');
    expect(s3.commandCalls(CreateBucketCommand)).toHaveLength(1);
  });
});
