import {
  mkdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../../source/s3sync/sync.js';
import type { SyncSpec } from '../../../source/s3sync/sync-spec.js';
import {
  allKeys,
  countWireRequests,
  createBucket,
  labS3Factory,
  moto,
  putText,
  syncDeps,
  uniqueBucket,
  useS3Workspace,
} from './s3-lab.js';

const signal = () => new AbortController().signal;
const ODD_NAMES = [
  'a-b',
  'a.b',
  'a/x',
  'with space.txt',
  'caf\u00e9-nfc.txt',
  'cafe\u0301-nfd.txt',
  'deep/er/file.txt',
  '\u{1F600}.txt',
  '\uFF21.txt',
];

describe.skipIf(!moto.info)(
  `S3 sync round trips against moto${moto.missing}`,
  () => {
    const space = useS3Workspace('roundtrip');
    const { direct } = space;

    it('uploads odd key names and more than 1000 files, then a re-sync only lists', async () => {
      const bucket = await createBucket(direct, uniqueBucket('up'));
      const source = join(space.work, 'up-source');
      mkdirSync(source);
      for (const name of ODD_NAMES) {
        mkdirSync(join(source, name, '..'), { recursive: true });
        writeFileSync(join(source, name), `content of ${name}`);
      }
      mkdirSync(join(source, 'many'));
      for (let index = 0; index < 1100; index++)
        writeFileSync(
          join(source, 'many', `f${String(index).padStart(4, '0')}`),
          `n${index}`,
        );
      const { factory } = labS3Factory();
      const deps = await syncDeps(factory, join(space.work, 'journal'));
      const spec: SyncSpec = {
        source: { kind: 'local', path: source },
        destination: { kind: 's3', bucket, prefix: 'data' },
      };
      const first = await runSync(spec, deps, { signal: signal() });
      expect(first.failed).toEqual([]);
      expect(first.uploaded).toBe(ODD_NAMES.length + 1100);
      const keys = await allKeys(direct, bucket);
      expect(keys).toHaveLength(ODD_NAMES.length + 1100);
      for (const name of ODD_NAMES) expect(keys).toContain(`data/${name}`);

      const wire = countWireRequests();
      const again = await runSync(spec, deps, { signal: signal() });
      wire.stop();
      expect(again.uploaded + again.downloaded + again.deleted).toBe(0);
      expect(again.planned.skip).toBe(ODD_NAMES.length + 1100);
      // 1110 local keys: two ranges, one list call each, nothing else.
      expect(Object.fromEntries(wire.counts)).toEqual({ ListObjectsV2: 2 });
      factory.destroy();
    });

    it('downloads a bucket, sets mtimes to the objects, and a re-sync only lists', async () => {
      const bucket = await createBucket(direct, uniqueBucket('down'));
      for (const name of ODD_NAMES)
        await putText(direct, bucket, `p/${name}`, `remote ${name}`);
      const target = join(space.work, 'down-target');
      const { factory } = labS3Factory();
      const deps = await syncDeps(factory, join(space.work, 'journal'));
      const spec: SyncSpec = {
        source: { kind: 's3', bucket, prefix: 'p/' },
        destination: { kind: 'local', path: target },
      };
      const first = await runSync(spec, deps, { signal: signal() });
      expect(first.failed).toEqual([]);
      expect(first.downloaded).toBe(ODD_NAMES.length);
      for (const name of ODD_NAMES)
        expect(readFileSync(join(target, name), 'utf8')).toBe(`remote ${name}`);
      const head = await direct.send(
        new HeadObjectCommand({ Bucket: bucket, Key: 'p/a.b' }),
      );
      expect(Math.floor(statSync(join(target, 'a.b')).mtimeMs / 1000)).toBe(
        Math.floor((head.LastModified?.getTime() ?? 0) / 1000),
      );
      const wire = countWireRequests();
      const again = await runSync(spec, deps, { signal: signal() });
      wire.stop();
      expect(again.downloaded).toBe(0);
      expect(Object.fromEntries(wire.counts)).toEqual({ ListObjectsV2: 1 });
      factory.destroy();
    });

    it('reports a key that is also a directory (a and a/x) as a failure, and downloads the rest', async () => {
      const bucket = await createBucket(direct, uniqueBucket('clash'));
      for (const key of ['a', 'a-b', 'a.b', 'a/x'])
        await putText(direct, bucket, key, key);
      const target = join(space.work, 'clash');
      const { factory } = labS3Factory();
      const result = await runSync(
        {
          source: { kind: 's3', bucket, prefix: '' },
          destination: { kind: 'local', path: target },
        },
        await syncDeps(factory, join(space.work, 'journal')),
        { signal: signal() },
      );
      expect(result.downloaded).toBe(3);
      expect(result.failed).toEqual([
        {
          rel: 'a',
          message: expect.stringMatching(/is a directory/) as string,
        },
      ]);
      expect(readFileSync(join(target, 'a/x'), 'utf8')).toBe('a/x');
      factory.destroy();
    });

    it('catches same-size edits on either side', async () => {
      const bucket = await createBucket(direct, uniqueBucket('edit'));
      const dir = join(space.work, 'edit');
      mkdirSync(dir);
      writeFileSync(join(dir, 'conf.txt'), 'version=1');
      const { factory } = labS3Factory();
      const deps = await syncDeps(factory, join(space.work, 'journal'));
      const up: SyncSpec = {
        source: { kind: 'local', path: dir },
        destination: { kind: 's3', bucket, prefix: '' },
      };
      const down: SyncSpec = {
        source: { kind: 's3', bucket, prefix: '' },
        destination: { kind: 'local', path: dir },
      };
      await runSync(up, deps, { signal: signal() });
      // Local edit, same size, newer mtime.
      writeFileSync(join(dir, 'conf.txt'), 'version=2');
      const future = Date.now() / 1000 + 5;
      utimesSync(join(dir, 'conf.txt'), future, future);
      const upAgain = await runSync(up, deps, { signal: signal() });
      expect(upAgain.uploaded).toBe(1);
      const body = await direct.send(
        new GetObjectCommand({ Bucket: bucket, Key: 'conf.txt' }),
      );
      expect(await body.Body?.transformToString()).toBe('version=2');
      // Remote edit, same size, after the local file's time.
      utimesSync(join(dir, 'conf.txt'), future - 3600, future - 3600);
      await putText(direct, bucket, 'conf.txt', 'version=3');
      const downAgain = await runSync(down, deps, { signal: signal() });
      expect(downAgain.downloaded).toBe(1);
      expect(readFileSync(join(dir, 'conf.txt'), 'utf8')).toBe('version=3');
      const downThird = await runSync(down, deps, { signal: signal() });
      expect(downThird.downloaded).toBe(0);
      factory.destroy();
    });
  },
);
