/** The console's S3 transfers (put, get, delete under a prefix) against moto. */
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadOnlyError } from '../../../source/safety/read-only.js';
import { createS3Transfers } from '../../../source/s3sync/transfer/console-transfers.js';
import {
  allKeys,
  createBucket,
  directS3,
  labS3Factory,
  moto,
  putText,
  removeDir,
  tempDir,
  uniqueBucket,
  useLabProfiles,
} from './s3-lab.js';

const signal = new AbortController().signal;

describe.skipIf(!moto.info)(
  `console S3 transfers against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const direct = directS3();
    const dirs: string[] = [];
    afterAll(() => {
      direct.destroy();
      for (const dir of dirs) removeDir(dir);
    });
    const scratch = (label: string) => {
      const dir = tempDir(label);
      dirs.push(dir);
      return dir;
    };

    it('finds what a put would replace, with sizes and dates, before anything is sent', async () => {
      const bucket = await createBucket(direct, uniqueBucket('replace'));
      const { factory } = labS3Factory();
      const transfers = createS3Transfers(factory, scratch('journal'));
      const local = scratch('replace');
      mkdirSync(join(local, 'site'));
      writeFileSync(join(local, 'notes.txt'), 'new notes');
      writeFileSync(join(local, 'site', 'same.txt'), 'same');
      writeFileSync(join(local, 'site', 'changed.txt'), 'changed, longer');
      writeFileSync(join(local, 'site', 'new.txt'), 'new');
      await putText(direct, bucket, 'docs/notes.txt', 'old');
      await putText(direct, bucket, 'docs/site/same.txt', 'same');
      await putText(direct, bucket, 'docs/site/changed.txt', 'old');
      const before = await allKeys(direct, bucket);

      const file = await transfers.putTargets(
        join(local, 'notes.txt'),
        bucket,
        'docs/',
        signal,
      );
      expect(file).toMatchObject({ replacedCount: 1, added: 0 });
      expect(file.replaced[0]).toMatchObject({
        key: 'docs/notes.txt',
        size: 3,
        modified: expect.any(Date) as Date,
      });
      expect(
        await transfers.putTargets(
          join(local, 'notes.txt'),
          bucket,
          '',
          signal,
        ),
      ).toMatchObject({ replacedCount: 0, added: 1 });
      const dir = await transfers.putTargets(
        join(local, 'site'),
        bucket,
        'docs/',
        signal,
      );
      expect(dir).toMatchObject({ replacedCount: 1, added: 1 });
      expect(dir.replaced.map((object) => [object.key, object.size])).toEqual([
        ['docs/site/changed.txt', 3],
      ]);
      expect(await allKeys(direct, bucket)).toEqual(before);
      factory.destroy();
    });

    it('puts a file and a directory, gets an object back, and deletes a prefix', async () => {
      const bucket = await createBucket(direct, uniqueBucket('ui'));
      const { factory } = labS3Factory();
      const transfers = createS3Transfers(factory, scratch('journal'));
      const local = scratch('put');
      writeFileSync(join(local, 'notes.txt'), 'hello from the console\n');
      mkdirSync(join(local, 'site', 'css'), { recursive: true });
      writeFileSync(join(local, 'site', 'index.html'), '<h1>hi</h1>');
      writeFileSync(join(local, 'site', 'css', 'a.css'), 'h1{}');

      const file = await transfers.put(
        join(local, 'notes.txt'),
        bucket,
        'docs/',
        { signal },
      );
      expect(file).toEqual({ items: 1, bytes: 23, failed: 0 });
      const dir = await transfers.put(join(local, 'site'), bucket, 'www/', {
        signal,
      });
      expect(dir.items).toBe(2);
      expect((await allKeys(direct, bucket)).sort()).toEqual([
        'docs/notes.txt',
        'www/site/css/a.css',
        'www/site/index.html',
      ]);

      const target = scratch('get');
      let bytes = 0;
      const path = await transfers.getObject(
        bucket,
        {
          key: 'docs/notes.txt',
          size: 23,
          modified: new Date('2026-03-01T00:00:00Z'),
          storageClass: undefined,
          etag: undefined,
        },
        target,
        signal,
        (count) => (bytes += count),
      );
      expect(path).toBe(join(target, 'notes.txt'));
      expect(readFileSync(path, 'utf8')).toBe('hello from the console\n');
      expect(bytes).toBe(23);
      // The local file takes the object's time, so a later sync sees no change.
      expect(statSync(path).mtime.toISOString()).toBe(
        '2026-03-01T00:00:00.000Z',
      );

      const deleted = await transfers.deleteUnder(
        bucket,
        ['docs/notes.txt'],
        ['www/site/'],
        signal,
        () => undefined,
      );
      expect(deleted).toEqual({ deleted: 3, failed: [] });
      expect(await allKeys(direct, bucket)).toEqual([]);
      factory.destroy();
    });

    it('refuses to download an object whose name would leave the directory', async () => {
      const { factory } = labS3Factory();
      const transfers = createS3Transfers(factory, scratch('journal-dotdot'));
      const bucket = uniqueBucket('dotdot');
      await createBucket(direct, bucket);
      await putText(direct, bucket, 'ok/..', 'escaped\n');
      const parent = scratch('dotdot');
      const target = join(parent, 'inside');
      mkdirSync(target);
      await expect(
        transfers.getObject(
          bucket,
          {
            key: 'ok/..',
            size: 8,
            modified: new Date('2026-03-01T00:00:00Z'),
            storageClass: undefined,
            etag: undefined,
          },
          target,
          signal,
          () => undefined,
        ),
      ).rejects.toThrow(
        /cannot download ok\/\.\. as a file: refers to a parent directory/,
      );
      expect(readdirSync(parent)).toEqual(['inside']);
      expect(readdirSync(target)).toEqual([]);
      factory.destroy();
    });

    it('uploads a stream of unknown length, in parts when it is big', async () => {
      const bucket = await createBucket(direct, uniqueBucket('stream'));
      const { factory } = labS3Factory();
      const transfers = createS3Transfers(factory, scratch('journal'));
      // 12 MiB in 1 MiB chunks: more than one 8 MiB part.
      const chunk = Buffer.alloc(1024 * 1024, 7);
      await transfers.uploadStream(
        bucket,
        'db/shop.sql.gz',
        Readable.from(Array.from({ length: 12 }, () => chunk)),
        signal,
      );
      const head = await direct.send(
        new HeadObjectCommand({ Bucket: bucket, Key: 'db/shop.sql.gz' }),
      );
      expect(head.ContentLength).toBe(12 * 1024 * 1024);
      expect(head.ETag).toMatch(/-2"$/);
      factory.destroy();
    });

    it('refuses a path that is neither a file nor a directory, and sends nothing in read-only mode', async () => {
      const bucket = await createBucket(direct, uniqueBucket('uiro'));
      await putText(direct, bucket, 'keep.txt', 'keep');
      const { factory } = labS3Factory();
      const transfers = createS3Transfers(factory, scratch('journal'));
      await expect(
        transfers.put('/nonexistent/opsdeck', bucket, '', { signal }),
      ).rejects.toThrow('neither a file nor a directory');
      factory.destroy();
      const readOnly = labS3Factory(true);
      const blocked = createS3Transfers(readOnly.factory, scratch('journal'));
      const local = scratch('ro');
      writeFileSync(join(local, 'x.txt'), 'x');
      await expect(
        blocked.put(join(local, 'x.txt'), bucket, '', { signal }),
      ).rejects.toBeInstanceOf(ReadOnlyError);
      await expect(
        blocked.deleteUnder(bucket, ['keep.txt'], [], signal, () => undefined),
      ).rejects.toBeInstanceOf(ReadOnlyError);
      expect(await allKeys(direct, bucket)).toEqual(['keep.txt']);
      readOnly.factory.destroy();
    });
  },
);
