/**
 * A sync's listing pages go around the SDK (source/aws/s3/direct-list.ts):
 * the same objects, names and fields as the SDK reads, page by page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createDirectLister } from '../../../source/aws/s3/direct-list.js';
import { runSync } from '../../../source/s3sync/sync.js';
import {
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
const NAMES = [
  'plain.txt',
  'a & b <c> "d\'.txt',
  'with space (1)!.txt',
  'trailing space ',
  'plus+percent%20hash#q?.txt',
  'caf\u00e9/\u{1F600}*.txt',
];

describe.skipIf(!moto.info)(
  `direct listings against moto${moto.missing}`,
  () => {
    const space = useS3Workspace('direct-list');
    const { direct } = space;

    it('reads every page as the SDK does, odd names too', async () => {
      const bucket = await createBucket(direct, uniqueBucket('dlist'));
      for (const name of NAMES)
        await putText(direct, bucket, `p/${name}`, name);
      await putText(direct, bucket, 'outside.txt', 'x');
      const { factory } = labS3Factory();
      const lister = await createDirectLister(await factory.s3());
      expect(lister).toBeDefined();
      let token: string | undefined;
      let pages = 0;
      do {
        const input = {
          bucket,
          prefix: 'p/',
          maxKeys: 2,
          continuationToken: token,
        };
        const ours = await lister?.list(input, signal());
        const theirs = await direct.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: 'p/',
            MaxKeys: 2,
            ContinuationToken: token,
          }),
        );
        expect(ours).toEqual({
          Contents: (theirs.Contents ?? []).map((object) => ({
            Key: object.Key,
            Size: object.Size,
            LastModified: object.LastModified,
            ETag: object.ETag,
            StorageClass: object.StorageClass,
          })),
          IsTruncated: theirs.IsTruncated,
          NextContinuationToken: theirs.NextContinuationToken,
        });
        token = ours?.NextContinuationToken;
        pages++;
      } while (token !== undefined);
      expect(pages).toBe(NAMES.length / 2);
      const after = await lister?.list(
        { bucket, prefix: 'p/', maxKeys: 1000, startAfter: 'p/plain.txt' },
        signal(),
      );
      expect(after?.Contents?.map((object) => object.Key)).toEqual(
        NAMES.map((name) => `p/${name}`)
          .filter(
            (key) =>
              Buffer.compare(Buffer.from(key), Buffer.from('p/plain.txt')) > 0,
          )
          .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
      );
      // A bucket that is not there: declined, and the SDK lists it from then on.
      const missing = uniqueBucket('missing');
      expect(
        await lister?.list({ bucket: missing, maxKeys: 10 }, signal()),
      ).toBe(undefined);
      lister?.close();
      factory.destroy();
    });

    it('a no-change re-sync sends no SDK ListObjectsV2', async () => {
      const bucket = await createBucket(direct, uniqueBucket('dlist-sync'));
      const dir = join(space.work, 'tree');
      for (const name of NAMES) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), name);
      }
      const { factory } = labS3Factory();
      const deps = await syncDeps(factory, join(space.work, 'journal'));
      const spec = {
        source: { kind: 'local' as const, path: dir },
        destination: { kind: 's3' as const, bucket, prefix: 'set/' },
      };
      expect((await runSync(spec, deps, { signal: signal() })).uploaded).toBe(
        NAMES.length,
      );
      const counts = countRequests(deps.client);
      const again = await runSync(spec, deps, { signal: signal() });
      expect(again.failed).toEqual([]);
      expect(again.skipped.unchanged).toBe(NAMES.length);
      expect(counts.get('ListObjectsV2') ?? 0).toBe(0);
      factory.destroy();
    });
  },
);
