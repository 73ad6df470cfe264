import {
  ListMultipartUploadsCommand,
  HeadObjectCommand,
  CreateMultipartUploadCommand,
} from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../../source/s3sync/sync.js';
import { localEtagLike } from '../../../source/s3sync/plan/multipart-etag.js';
import { createUploadJournal } from '../../../source/s3sync/transfer/upload-journal.js';
import {
  allKeys,
  createBucket,
  labS3Factory,
  moto,
  putText,
  syncDeps,
  uniqueBucket,
  useS3Workspace,
} from './s3-lab.js';

const signal = () => new AbortController().signal;
const MiB = 1024 * 1024;

function bigFile(path: string, mib: number, seed: number) {
  const data = Buffer.alloc(mib * MiB);
  for (let index = 0; index < data.length; index += 512)
    data[index] = (index / 512 + seed) % 256;
  writeFileSync(path, data);
}

describe.skipIf(!moto.info)(
  `S3 sync safety against moto${moto.missing}`,
  () => {
    const space = useS3Workspace('safety');
    const { direct } = space;

    it('--delete deletes nothing when the source is missing, empty or over --max-delete', async () => {
      const bucket = await createBucket(direct, uniqueBucket('guard'));
      for (const key of ['x/1', 'x/2', 'x/3'])
        await putText(direct, bucket, key, key);
      const { factory } = labS3Factory();
      const deps = await syncDeps(factory, join(space.work, 'journal'));
      const to = { kind: 's3' as const, bucket, prefix: 'x' };
      await expect(
        runSync(
          {
            source: { kind: 'local', path: join(space.work, 'missing') },
            destination: to,
            delete: true,
          },
          deps,
          { signal: signal() },
        ),
      ).rejects.toThrow(/cannot be read/);
      const empty = join(space.work, 'empty');
      mkdirSync(empty);
      const refused = await runSync(
        {
          source: { kind: 'local', path: empty },
          destination: to,
          delete: true,
        },
        deps,
        { signal: signal() },
      );
      expect(refused).toMatchObject({
        deleted: 0,
        deletesRefused: expect.stringMatching(/source is empty/) as string,
      });
      const one = join(space.work, 'one');
      mkdirSync(one);
      writeFileSync(join(one, '1'), 'x/1');
      const over = await runSync(
        {
          source: { kind: 'local', path: one },
          destination: to,
          delete: true,
          maxDelete: 1,
        },
        deps,
        { signal: signal() },
      );
      expect(over).toMatchObject({
        deleted: 0,
        planned: { delete: 2 },
        deletesRefused: expect.stringMatching(/--max-delete 1/) as string,
      });
      expect(await allKeys(direct, bucket)).toHaveLength(3);
      // The bucket side: a prefix with nothing in it is an empty source.
      const local = join(space.work, 'keep');
      mkdirSync(local);
      writeFileSync(join(local, 'precious'), 'p');
      const down = await runSync(
        {
          source: { kind: 's3', bucket, prefix: 'nothing-here/' },
          destination: { kind: 'local', path: local },
          delete: true,
        },
        deps,
        { signal: signal() },
      );
      expect(down.deletesRefused).toMatch(/source is empty/);
      expect(readdirSync(local)).toEqual(['precious']);
      await expect(
        runSync(
          {
            source: {
              kind: 's3',
              bucket: 'opsdeck-missing-bucket',
              prefix: '',
            },
            destination: { kind: 'local', path: local },
            delete: true,
          },
          deps,
          { signal: signal() },
        ),
      ).rejects.toThrow('bucket opsdeck-missing-bucket does not exist');
      expect(readdirSync(local)).toEqual(['precious']);
      // Allowed and within the limit, it deletes.
      const ok = await runSync(
        {
          source: { kind: 'local', path: one },
          destination: to,
          delete: true,
          maxDelete: 2,
        },
        deps,
        { signal: signal() },
      );
      expect(ok.deleted).toBe(2);
      expect(await allKeys(direct, bucket)).toEqual(['x/1']);
      factory.destroy();
    });

    it('never writes outside the target for traversal keys, and writes no folder markers', async () => {
      const bucket = await createBucket(direct, uniqueBucket('trav'));
      for (const key of [
        '../escape.txt',
        'sub/../../escape2.txt',
        '/abs.txt',
        'ok.txt',
        'folder/',
        'old_$folder$',
        'a//b',
      ])
        await putText(direct, bucket, key, 'x');
      const parent = join(space.work, 'trav');
      const target = join(parent, 'target');
      mkdirSync(target, { recursive: true });
      const { factory } = labS3Factory();
      const warnings: string[] = [];
      const result = await runSync(
        {
          source: { kind: 's3', bucket, prefix: '' },
          destination: { kind: 'local', path: target },
        },
        await syncDeps(factory, join(space.work, 'journal')),
        {
          signal: signal(),
          onWarning: (rel) => warnings.push(rel),
        },
      );
      const listedKeys = await allKeys(direct, bucket);
      expect(result.downloaded).toBe(1);
      expect(readdirSync(parent)).toEqual(['target']);
      expect(readdirSync(target)).toEqual(['ok.txt']);
      // Whatever moto kept of the odd keys, each was skipped with a warning.
      expect(warnings.sort()).toEqual(
        listedKeys
          .filter((key) => !['ok.txt', 'folder/', 'old_$folder$'].includes(key))
          .sort(),
      );
      expect(warnings.length).toBeGreaterThanOrEqual(2);
      factory.destroy();
    });

    it('a sync down reads, writes and deletes nothing through a symlink in its directory', async () => {
      const bucket = await createBucket(direct, uniqueBucket('links'));
      for (const key of ['keep.txt', 'sub/victim.txt', 'sub/new.txt'])
        await putText(direct, bucket, key, `from s3: ${key}`);
      const outside = join(space.work, 'links-outside');
      mkdirSync(outside, { recursive: true });
      writeFileSync(join(outside, 'victim.txt'), 'precious');
      writeFileSync(join(outside, 'other.txt'), 'also precious');
      const target = join(space.work, 'links-target');
      mkdirSync(target, { recursive: true });
      symlinkSync(outside, join(target, 'sub'));
      const { factory } = labS3Factory();
      const warnings: string[] = [];
      const result = await runSync(
        {
          source: { kind: 's3', bucket, prefix: '' },
          destination: { kind: 'local', path: target },
          delete: true,
        },
        await syncDeps(factory, join(space.work, 'journal')),
        {
          signal: signal(),
          onWarning: (rel, message) => warnings.push(`${rel}: ${message}`),
        },
      );
      expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe(
        'from s3: keep.txt',
      );
      expect(readdirSync(outside).sort()).toEqual(['other.txt', 'victim.txt']);
      expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe(
        'precious',
      );
      expect(warnings).toContain(
        'sub: symlink not followed: nothing is read, written or deleted through it',
      );
      expect(result.failed.map((failure) => failure.rel).sort()).toEqual([
        'sub/new.txt',
        'sub/victim.txt',
      ]);
      for (const failure of result.failed)
        expect(failure.message).toMatch(
          /^sub is a symlink: nothing is written through it/,
        );
      expect(result.deleted).toBe(0);
      factory.destroy();
    });

    it('uploads big files in parts, and --checksum matches their multipart ETags locally', async () => {
      const bucket = await createBucket(direct, uniqueBucket('mpu'));
      const dir = join(space.work, 'mpu');
      mkdirSync(dir);
      bigFile(join(dir, 'big.bin'), 20, 1);
      writeFileSync(join(dir, 'small.txt'), 'small');
      const { factory } = labS3Factory();
      const deps = await syncDeps(factory, join(space.work, 'journal'));
      const spec = {
        source: { kind: 'local' as const, path: dir },
        destination: { kind: 's3' as const, bucket, prefix: '' },
        multipartThreshold: 8 * MiB,
      };
      expect((await runSync(spec, deps, { signal: signal() })).uploaded).toBe(
        2,
      );
      const head = await direct.send(
        new HeadObjectCommand({ Bucket: bucket, Key: 'big.bin' }),
      );
      expect(head.ETag).toMatch(/-3"$/);
      expect(head.Metadata?.['opsdeck-sync']).toBe('1');
      expect(
        await localEtagLike(join(dir, 'big.bin'), 20 * MiB, head.ETag ?? ''),
      ).toBe(head.ETag?.replace(/"/g, ''));
      expect(
        (
          await runSync({ ...spec, mode: 'checksum' }, deps, {
            signal: signal(),
          })
        ).uploaded,
      ).toBe(0);
      // Same size, same time, other content: only --checksum sees it.
      const before = statSync(join(dir, 'big.bin'));
      bigFile(join(dir, 'big.bin'), 20, 2);
      const { utimesSync } = await import('node:fs');
      utimesSync(join(dir, 'big.bin'), before.atime, before.mtime);
      expect((await runSync(spec, deps, { signal: signal() })).uploaded).toBe(
        0,
      );
      expect(
        (
          await runSync({ ...spec, mode: 'checksum' }, deps, {
            signal: signal(),
          })
        ).uploaded,
      ).toBe(1);
      // Ranged parallel download of the multipart object, byte for byte.
      const back = join(space.work, 'mpu-back');
      const down = await runSync(
        {
          source: spec.destination,
          destination: { kind: 'local', path: back },
          multipartThreshold: 8 * MiB,
          partSize: 5 * MiB,
        },
        deps,
        { signal: signal() },
      );
      expect(down.downloaded).toBe(2);
      expect(
        readFileSync(join(back, 'big.bin')).equals(
          readFileSync(join(dir, 'big.bin')),
        ),
      ).toBe(true);
      factory.destroy();
    }, 60_000);

    it('a cancelled upload leaves no multipart upload behind', async () => {
      const bucket = await createBucket(direct, uniqueBucket('cancel'));
      const dir = join(space.work, 'cancel');
      mkdirSync(dir);
      bigFile(join(dir, 'huge.bin'), 60, 3);
      const { factory } = labS3Factory();
      const controller = new AbortController();
      const result = await runSync(
        {
          source: { kind: 'local', path: dir },
          destination: { kind: 's3', bucket, prefix: '' },
          multipartThreshold: 8 * MiB,
          partConcurrency: 1,
        },
        await syncDeps(factory, join(space.work, 'journal')),
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (progress.bytesDone >= 8 * MiB) controller.abort();
          },
        },
      );
      expect(result.cancelled).toBe(true);
      expect(result.uploaded).toBe(0);
      const uploads = await direct.send(
        new ListMultipartUploadsCommand({ Bucket: bucket }),
      );
      expect(uploads.Uploads ?? []).toEqual([]);
      expect(await allKeys(direct, bucket)).toEqual([]);
      factory.destroy();
    }, 60_000);

    it('a run killed mid-download leaves no file under the final name, and the next run finishes and cleans up', async () => {
      const bucket = await createBucket(direct, uniqueBucket('kill'));
      const source = join(space.work, 'kill-src');
      mkdirSync(source);
      bigFile(join(source, 'big.bin'), 48, 4);
      const { factory } = labS3Factory();
      const journalDir = join(space.work, 'kill-journal');
      const deps = await syncDeps(factory, journalDir);
      await runSync(
        {
          source: { kind: 'local', path: source },
          destination: { kind: 's3', bucket, prefix: '' },
        },
        deps,
        { signal: signal() },
      );
      // Uploads a killed opsdeck left behind (journalled by a process that is
      // gone), beside one of another tool for the same key.
      const journal = createUploadJournal(journalDir);
      const handle = await journal.begin(bucket, 'big.bin');
      const ours = await direct.send(
        new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'big.bin' }),
      );
      await handle.attach(ours.UploadId ?? '');
      for (const name of readdirSync(journalDir)) {
        const entry = JSON.parse(
          readFileSync(join(journalDir, name), 'utf8'),
        ) as { pid: number };
        entry.pid = 2 ** 22 + 7;
        writeFileSync(join(journalDir, name), JSON.stringify(entry));
      }
      const theirs = await direct.send(
        new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'big.bin' }),
      );

      // The download runs in a child process that is killed once bytes are on disk.
      const script = join(space.work, 'child-sync.mjs');
      await build({
        stdin: {
          contents: `
          import { S3Client } from '@aws-sdk/client-s3';
          import { runSync } from './source/s3sync/sync.js';
          const client = new S3Client({ region: 'us-east-1', endpoint: process.env.ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: 'AKIALABOPSDECK000001', secretAccessKey: 'lab-not-a-secret' } });
          await runSync({ source: { kind: 's3', bucket: process.env.BUCKET, prefix: '' }, destination: { kind: 'local', path: process.env.TARGET }, multipartThreshold: 8 * 1024 * 1024, partSize: 1024 * 1024, partConcurrency: 1 },
            { client, context: () => ({}) }, { signal: new AbortController().signal, onProgress: (p) => p.bytesDone > 0 && console.log('bytes') });
        `,
          resolveDir: process.cwd(),
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: script,
        banner: {
          js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        },
        logLevel: 'silent',
      });
      const target = join(space.work, 'kill-target');
      const child = spawn(process.execPath, [script], {
        env: {
          ...process.env,
          ENDPOINT: moto.info?.endpoint,
          BUCKET: bucket,
          TARGET: target,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => resolve());
        child.once('exit', () =>
          reject(new Error('the child finished before it was killed')),
        );
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(existsSync(join(target, 'big.bin'))).toBe(false);
      expect(
        readdirSync(target).filter((name) => name.endsWith('.partial')),
      ).toHaveLength(1);

      const again = await runSync(
        {
          source: { kind: 's3', bucket, prefix: '' },
          destination: { kind: 'local', path: target },
        },
        deps,
        { signal: signal() },
      );
      expect(again).toMatchObject({ downloaded: 1, partialsRemoved: 1 });
      expect(readdirSync(target)).toEqual(['big.bin']);
      expect(
        readFileSync(join(target, 'big.bin')).equals(
          readFileSync(join(source, 'big.bin')),
        ),
      ).toBe(true);

      const up = await runSync(
        {
          source: { kind: 'local', path: source },
          destination: { kind: 's3', bucket, prefix: '' },
        },
        deps,
        { signal: signal() },
      );
      expect(up.leftoverUploadsAborted).toBe(1);
      const left = await direct.send(
        new ListMultipartUploadsCommand({ Bucket: bucket }),
      );
      expect((left.Uploads ?? []).map((upload) => upload.UploadId)).toEqual([
        theirs.UploadId,
      ]);
      factory.destroy();
    }, 90_000);
  },
);
