/**
 * Small downloads and whole-object copies go around the SDK
 * (source/aws/s3/direct-*.ts) and fall back to it for anything that is not a
 * plain, checkable object.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createDirectGetter } from '../../../source/aws/s3/direct-get.js';
import { runSync } from '../../../source/s3sync/sync.js';
import { bucketSyncDeps } from '../../../source/s3sync/bucket-sync-deps.js';
import { runBucketSync } from '../../../source/s3sync/bucket-sync.js';
import { createUploadJournal } from '../../../source/s3sync/transfer/upload-journal.js';
import { seedObjects } from './bucket-copy-lab.js';
import {
  allKeys,
  countRequests,
  createBucket,
  labS3Factory,
  moto,
  putText,
  syncDeps,
  uniqueBucket,
  useS3Workspace,
} from './s3-lab.js';

const signal = () => new AbortController().signal;
const NAMES = ['plain.txt', 'with space (1)!.txt', 'caf\u00e9/\u{1F600}*.txt'];

describe.skipIf(!moto.info)(`direct GETs against moto${moto.missing}`, () => {
  const space = useS3Workspace('direct-get');
  const { direct } = space;

  it('downloads a prefix without one SDK GetObject, every byte and name right', async () => {
    const bucket = await createBucket(direct, uniqueBucket('dget'));
    for (const name of NAMES)
      await putText(direct, bucket, `p/${name}`, `body of ${name}\n`.repeat(9));
    const target = join(space.work, 'down');
    mkdirSync(target);
    const { factory } = labS3Factory();
    const deps = await syncDeps(factory, join(space.work, 'journal'));
    const counts = countRequests(deps.client);
    const result = await runSync(
      {
        source: { kind: 's3', bucket, prefix: 'p/' },
        destination: { kind: 'local', path: target },
      },
      deps,
      { signal: signal() },
    );
    expect(result.failed).toEqual([]);
    expect(result.downloaded).toBe(NAMES.length);
    for (const name of NAMES)
      expect(readFileSync(join(target, name), 'utf8')).toBe(
        `body of ${name}\n`.repeat(9),
      );
    expect(counts.get('GetObject') ?? 0).toBe(0);
    factory.destroy();
  });

  it('declines what it cannot check or find, so the SDK does it', async () => {
    const bucket = await createBucket(direct, uniqueBucket('dget-no'));
    await putText(direct, bucket, 'a.txt', 'abc');
    const head = await direct.send(
      new HeadObjectCommand({ Bucket: bucket, Key: 'a.txt' }),
    );
    const etag = head.ETag ?? '';
    const { factory } = labS3Factory();
    const getter = await createDirectGetter(await factory.s3());
    expect(getter).toBeDefined();
    const get = (key: string, size: number, tag: string | undefined) =>
      getter?.get(bucket, { key, size, etag: tag }, signal());
    expect(Buffer.concat((await get('a.txt', 3, etag)) ?? []).toString()).toBe(
      'abc',
    );
    // A multipart ETag is no MD5: not checkable here.
    expect(await get('a.txt', 3, '"0123456789abcdef0123456789abcdef-2"')).toBe(
      undefined,
    );
    // The object changed since the listing (If-Match fails): declined.
    expect(await get('a.txt', 3, '"0123456789abcdef0123456789abcdef"')).toBe(
      undefined,
    );
    // Once a bucket answered oddly, the SDK gets the rest of it.
    expect(await get('a.txt', 3, etag)).toBe(undefined);
    getter?.close();
    factory.destroy();
  });

  it('a sync still gets an object the direct path declines (a multipart ETag)', async () => {
    const bucket = await createBucket(direct, uniqueBucket('dget-mp'));
    const { UploadId } = await direct.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'p/mp.bin' }),
    );
    const part = await direct.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: 'p/mp.bin',
        UploadId,
        PartNumber: 1,
        Body: 'multipart body',
      }),
    );
    await direct.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: 'p/mp.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    const target = join(space.work, 'down-mp');
    const { factory } = labS3Factory();
    const deps = await syncDeps(factory, join(space.work, 'journal'));
    const counts = countRequests(deps.client);
    const result = await runSync(
      {
        source: { kind: 's3', bucket, prefix: 'p/' },
        destination: { kind: 'local', path: target },
      },
      deps,
      { signal: signal() },
    );
    expect(result.failed).toEqual([]);
    expect(readFileSync(join(target, 'mp.bin'), 'utf8')).toBe('multipart body');
    expect(counts.get('GetObject')).toBe(1);
    factory.destroy();
  });

  it('copies bucket to bucket without one SDK CopyObject, every body kept (the 5,000-object test checks tags and metadata on this path)', async () => {
    const from = await createBucket(direct, uniqueBucket('dcp-from'));
    const to = await createBucket(direct, uniqueBucket('dcp-to'));
    const objects = Object.fromEntries(
      NAMES.map((name) => [`s/${name}`, `copied ${name}`]),
    );
    await seedObjects(from, objects);
    const { factory } = labS3Factory();
    const counts = countRequests(await factory.s3('us-east-1'));
    const result = await runBucketSync(
      {
        source: { kind: 's3', bucket: from, prefix: 's/' },
        destination: { kind: 's3', bucket: to, prefix: '' },
      },
      bucketSyncDeps(factory, createUploadJournal(join(space.work, 'j2'))),
      { signal: signal() },
    );
    expect(result.failed).toEqual([]);
    expect(result.copied).toBe(NAMES.length);
    expect((await allKeys(direct, to)).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const copy = await direct.send(
        new GetObjectCommand({ Bucket: to, Key: name }),
      );
      expect(await copy.Body?.transformToString()).toBe(`copied ${name}`);
    }
    expect(counts.get('CopyObject') ?? 0).toBe(0);
    factory.destroy();
  });
});
