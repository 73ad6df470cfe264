import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteInBatches } from '../../../source/aws/s3/batch-delete.js';
import {
  s3Context,
  toS3Error,
  type S3Context,
} from '../../../source/aws/s3/s3-errors.js';
import { listRemote } from '../../../source/s3sync/plan/remote-listing.js';
import { runSync } from '../../../source/s3sync/sync.js';

const context: S3Context = {
  profile: 'ops',
  endpoint: undefined,
  operation: 'DeleteObjects',
  action: 's3:DeleteObject and s3:DeleteObjectVersion',
  bucket: 'b',
};
const client = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const s3 = mockClient(client);
const signal = new AbortController().signal;
const serviceError = (name: string, status: number) =>
  new S3ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    message: name,
  });

beforeEach(() => s3.reset());

describe('DeleteObjects batches', () => {
  const keys = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ Key: `k${index}` }));

  it('sends batches of 1000 and retries SlowDown', async () => {
    let calls = 0;
    s3.on(DeleteObjectsCommand).callsFake(() => {
      calls++;
      if (calls === 1) throw serviceError('SlowDown', 503);
      return {};
    });
    const result = await deleteInBatches(client, 'b', keys(2500), context, {
      signal,
      backoffMs: 1,
    });
    expect(result).toEqual({ deleted: 2500, failed: [] });
    const sizes = s3
      .commandCalls(DeleteObjectsCommand)
      .map((call) => call.args[0].input.Delete?.Objects?.length);
    expect(sizes.sort()).toEqual([1000, 1000, 1000, 500].sort());
  });

  it('retries the keys S3 lists under Errors and reports those that keep failing', async () => {
    const attempts = new Map<string, number>();
    s3.on(DeleteObjectsCommand).callsFake(
      (input: { Delete: { Objects: { Key: string }[] } }) => {
        const errors = [];
        for (const { Key } of input.Delete.Objects) {
          const seen = (attempts.get(Key) ?? 0) + 1;
          attempts.set(Key, seen);
          if (Key === 'flaky' && seen === 1)
            errors.push({ Key, Code: 'InternalError', Message: 'try again' });
          if (Key === 'locked')
            errors.push({ Key, Code: 'AccessDenied', Message: 'Object Lock' });
        }
        return { Errors: errors };
      },
    );
    const result = await deleteInBatches(
      client,
      'b',
      [{ Key: 'a' }, { Key: 'flaky' }, { Key: 'locked' }],
      context,
      { signal, backoffMs: 1, attempts: 3 },
    );
    expect(result.deleted).toBe(2);
    expect(result.failed).toEqual([
      { key: 'locked', message: 'AccessDenied: Object Lock' },
    ]);
    expect(attempts.get('flaky')).toBe(2);
    expect(attempts.get('locked')).toBe(3);
  });

  it('turns a refused batch into an actionable error naming the permission', async () => {
    s3.on(DeleteObjectsCommand).rejects(serviceError('AccessDenied', 403));
    await expect(
      deleteInBatches(client, 'b', keys(3), context, { signal, backoffMs: 1 }),
    ).rejects.toMatchObject({
      message:
        'permission denied for s3:DeleteObject and s3:DeleteObjectVersion on b',
      hint: expect.stringContaining('arn:aws:s3:::b') as string,
    });
  });
});

describe('S3 errors', () => {
  const at = (operation: string, action: string, key?: string): S3Context => ({
    profile: undefined,
    endpoint: undefined,
    operation,
    action,
    bucket: 'logs',
    key,
  });
  it('says what to do for the common codes', () => {
    expect(
      toS3Error(
        serviceError('NoSuchBucket', 404),
        at('ListObjectsV2', 's3:ListBucket'),
      ).message,
    ).toBe('bucket logs does not exist');
    expect(
      toS3Error(
        serviceError('BucketNotEmpty', 409),
        at('DeleteBucket', 's3:DeleteBucket'),
      ).message,
    ).toBe('bucket logs is not empty');
    expect(
      toS3Error(
        serviceError('Unknown', 403),
        at('HeadObject', 's3:GetObject', 'k'),
      ).message,
    ).toBe('permission denied for s3:GetObject on s3://logs/k');
    expect(
      toS3Error(
        serviceError('NotFound', 404),
        at('HeadObject', 's3:GetObject', 'k'),
      ).message,
    ).toBe('s3://logs/k was not found');
  });
});

describe('remote listing in key ranges', () => {
  const names = Array.from(
    { length: 2500 },
    (_, index) => `p/k${String(index).padStart(5, '0')}`,
  );
  function fakeListing() {
    s3.on(ListObjectsV2Command).callsFake(
      (input: {
        StartAfter?: string;
        ContinuationToken?: string;
        MaxKeys?: number;
      }) => {
        const after = input.ContinuationToken ?? input.StartAfter;
        const start =
          after === undefined ? 0 : names.findIndex((name) => name > after);
        const slice =
          start === -1
            ? []
            : names.slice(start, start + (input.MaxKeys ?? 1000));
        const last = slice.at(-1);
        const truncated = last !== undefined && last !== names.at(-1);
        return {
          Contents: slice.map((Key) => ({
            Key,
            Size: 1,
            LastModified: new Date(0),
          })),
          IsTruncated: truncated,
          NextContinuationToken: truncated ? last : undefined,
        };
      },
    );
  }
  // eslint-disable-next-line @typescript-eslint/require-await -- input for the test
  async function* splits(keys: string[]) {
    for (const key of keys) yield key;
  }

  it('lists every key once, one call per range when the ranges hold 1000 keys', async () => {
    fakeListing();
    const seen: string[] = [];
    for await (const entry of listRemote({
      client,
      bucket: 'b',
      prefix: 'p/',
      signal,
      splitKeys: splits([names[999] ?? '', names[1999] ?? '']),
    }))
      seen.push(entry.key);
    expect(seen).toEqual(names);
    expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(3);
  });

  it('fails a listing that was cut short instead of treating it as complete', async () => {
    s3.on(ListObjectsV2Command).resolves({
      Contents: [{ Key: 'p/a', Size: 1 }],
      IsTruncated: true,
    });
    const run = async () => {
      for await (const _ of listRemote({
        client,
        bucket: 'b',
        prefix: 'p/',
        signal,
      }));
    };
    await expect(run()).rejects.toThrow(/cut short/);
  });
});

describe('sync deletes nothing when the source listing fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-mock-sync-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const settings = { profile: 'ops', region: 'us-east-1', endpoint: undefined };
  const deps = {
    client,
    context: (operation: string, bucket: string) =>
      s3Context({ settings }, operation, bucket),
  };

  it('keeps local files when the bucket listing breaks on page 2', async () => {
    writeFileSync(join(dir, 'only-local.txt'), 'x');
    let calls = 0;
    s3.on(ListObjectsV2Command).callsFake(() => {
      calls++;
      if (calls === 1)
        return {
          Contents: [{ Key: 'a', Size: 1, LastModified: new Date(0) }],
          IsTruncated: true,
          NextContinuationToken: 't',
        };
      throw serviceError('AccessDenied', 403);
    });
    await expect(
      runSync(
        {
          source: { kind: 's3', bucket: 'b', prefix: '' },
          destination: { kind: 'local', path: dir },
          delete: true,
          dryRun: false,
        },
        deps,
        { signal },
      ),
    ).rejects.toThrow(/permission denied for s3:ListBucket/);
    expect(readdirSync(dir)).toContain('only-local.txt');
  });

  it('keeps local files when the listing is cut short', async () => {
    s3.on(ListObjectsV2Command).resolves({
      Contents: [{ Key: 'a', Size: 1, LastModified: new Date(0) }],
      IsTruncated: true,
    });
    await expect(
      runSync(
        {
          source: { kind: 's3', bucket: 'b', prefix: '' },
          destination: { kind: 'local', path: dir },
          delete: true,
        },
        deps,
        { signal },
      ),
    ).rejects.toThrow(/cut short/);
    expect(readdirSync(dir)).toContain('only-local.txt');
    expect(s3.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
  });
});
