import {
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { bucketSyncDeps } from '../../../source/s3sync/bucket-sync-deps.js';
import { runBucketSync } from '../../../source/s3sync/bucket-sync.js';
import type { SyncSpec } from '../../../source/s3sync/sync-spec.js';
import { createUploadJournal } from '../../../source/s3sync/transfer/upload-journal.js';
import {
  MiB,
  bodyGetsSince,
  bucketIn,
  logMark,
  putMultipart,
  regionClient,
  seedObjects,
} from './bucket-copy-lab.js';
import { labS3Factory, moto, uniqueBucket, useS3Workspace } from './s3-lab.js';

const signal = () => new AbortController().signal;

async function listing(client: S3Client, bucket: string, prefix = '') {
  const sizes = new Map<string, number>();
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        ContinuationToken: token,
        ...(prefix === '' ? {} : { Prefix: prefix }),
      }),
    );
    for (const object of page.Contents ?? [])
      sizes.set((object.Key ?? '').slice(prefix.length), object.Size ?? -1);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return sizes;
}

async function described(client: S3Client, bucket: string, key: string) {
  const head = await client.send(
    new HeadObjectCommand({ Bucket: bucket, Key: key }),
  );
  const tags = await client.send(
    new GetObjectTaggingCommand({ Bucket: bucket, Key: key }),
  );
  return {
    size: head.ContentLength,
    type: head.ContentType,
    encoding: head.ContentEncoding,
    cache: head.CacheControl,
    metadata: head.Metadata,
    tags: (tags.TagSet ?? []).map((tag) => `${tag.Key}=${tag.Value}`).sort(),
  };
}

describe.skipIf(!moto.info)(
  `bucket-to-bucket sync against moto, across two regions${moto.missing}`,
  () => {
    const space = useS3Workspace('bucket-sync');
    const west = regionClient('eu-west-1');
    afterAll(() => west.destroy());
    const deps = () => {
      const { factory } = labS3Factory();
      return bucketSyncDeps(
        factory,
        createUploadJournal(`${space.work}/journal`),
      );
    };

    it('copies 5,000 objects from eu-west-1 to us-east-1 with keys, sizes, tags and metadata equal, reading no object body, and copies nothing again', async () => {
      const source = await bucketIn(west, uniqueBucket('src'), 'eu-west-1');
      const target = await bucketIn(
        space.direct,
        uniqueBucket('dst'),
        'us-east-1',
      );
      const objects: Record<string, string> = {};
      for (let index = 0; index < 4900; index++)
        objects[
          `logs/${String(index % 7)}/${String(index % 13)}/f${String(index).padStart(5, '0')}.log`
        ] = `line ${index}\n`.repeat(1 + (index % 5));
      for (let index = 0; index < 60; index++)
        objects[
          ['ünïcödé/日本語/', 'кириллица/', 'emoji/🦀-', 'spaces and+plus/'][
            index % 4
          ] + `${index}.txt`
        ] = `unicode ${index}`;
      await seedObjects(source, objects);
      const described_ = [];
      for (let index = 0; index < 39; index++) {
        const key = `tagged/${index % 3}/obj-${index}.json`;
        described_.push(key);
        await west.send(
          new PutObjectCommand({
            Bucket: source,
            Key: key,
            Body: JSON.stringify({ index }),
            ContentType: 'application/json',
            ContentEncoding: 'identity',
            CacheControl: 'no-cache',
            Metadata: { owner: `team-${index}`, 'x-note': 'ünï' },
            Tagging: `env=prod&index=${index}`,
          }),
        );
      }
      const big = 'backups/db-2026-12-06.tar';
      const bigSize = await putMultipart(west, source, big, 5, {
        Metadata: { dump: 'nightly' },
        Tagging: 'kind=backup',
      });
      described_.push(big);

      const mark = logMark();
      const spec: SyncSpec = {
        source: { kind: 's3', bucket: source, prefix: '' },
        destination: { kind: 's3', bucket: target, prefix: '' },
        // moto keeps objects in memory: a 25 MiB object stands for one above 5 GiB.
        multipartThreshold: 16 * MiB,
      };
      const first = await runBucketSync(spec, deps(), { signal: signal() });
      expect(first.failed).toEqual([]);
      expect(first.copied).toBe(5000);
      expect(first.copyTotals).toMatchObject({
        objects: 5000,
        crossRegion: true,
        sourceRegion: 'eu-west-1',
        destinationRegion: 'us-east-1',
      });
      expect(first.copyTotals?.transferBilledBytes).toBe(
        first.copyTotals?.bytes,
      );
      expect(first.copyTotals?.bytes).toBeGreaterThan(bigSize);

      const [from, to] = await Promise.all([
        listing(west, source),
        listing(space.direct, target),
      ]);
      expect(to.size).toBe(5000);
      expect([...to.entries()].sort()).toEqual([...from.entries()].sort());
      for (const key of described_)
        expect(await described(space.direct, target, key)).toEqual(
          await described(west, source, key),
        );
      expect((await described(space.direct, target, big)).tags).toEqual([
        'kind=backup',
      ]);
      // Give moto's log a moment to reach the file.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bodyGetsSince(source, mark)).toEqual([]);

      const again = await runBucketSync(spec, deps(), { signal: signal() });
      expect(again).toMatchObject({ copied: 0, failedCount: 0 });
      expect(again.planned.copy).toBe(0);
      expect(again.planned.skip).toBe(5000);
      // Pages of 1,000 on both sides, the source cut at its 7 folders (a
      // first page each), and the one folder listing.
      expect(again.copyTotals?.listRequests).toBeLessThanOrEqual(20);
    }, 240_000);
  },
);
