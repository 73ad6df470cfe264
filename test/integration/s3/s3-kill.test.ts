/**
 * kill -9 at random points of a sync, twenty times, then one full run:
 * uploads leave no multipart upload pending (their IDs are journalled the
 * moment they exist), downloads leave no temporary file and never a torn
 * file under a final name.
 */
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LAB_CREDENTIALS } from '../../../source/lab/lab-aws.js';
import { runSync } from '../../../source/s3sync/sync.js';
import {
  allKeys,
  createBucket,
  labS3Factory,
  moto,
  syncDeps,
  uniqueBucket,
  useS3Workspace,
} from './s3-lab.js';

const MiB = 1024 * 1024;
const KILLS = 20;

/** A child that runs one sync and says "go" once it starts a multipart upload (up) or moves bytes (down). */
async function childScript(path: string): Promise<void> {
  await build({
    stdin: {
      contents: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { runSync } from './source/s3sync/sync.js';
        import { createUploadJournal } from './source/s3sync/transfer/upload-journal.js';
        const client = new S3Client({ region: 'us-east-1', endpoint: process.env.ENDPOINT, forcePathStyle: true,
          credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
        const local = { kind: 'local', path: process.env.LOCAL };
        const remote = { kind: 's3', bucket: process.env.BUCKET, prefix: '' };
        const up = process.env.DIRECTION === 'up';
        let said = false;
        const go = () => { if (!said) { said = true; console.log('go'); } };
        // Kills aim at the moment uploads are being created: the gap the journal must cover.
        client.middlewareStack.add((next, context) => (args) => {
          if (context.commandName === 'CreateMultipartUploadCommand') go();
          return next(args);
        }, { step: 'initialize' });
        await runSync(
          { source: up ? local : remote, destination: up ? remote : local,
            multipartThreshold: 8 * 1024 * 1024, partSize: 5 * 1024 * 1024, partConcurrency: 2 },
          { client, context: () => ({}), journal: createUploadJournal(process.env.JOURNAL) },
          { signal: new AbortController().signal,
            onProgress: (progress) => { if (!up && progress.bytesDone > 0) go(); } });
      `,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: path,
    banner: {
      js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
}

/** Runs the child and kills it with SIGKILL a random while (up to `spread` ms) after it says go. */
async function killMidway(
  script: string,
  env: Record<string, string>,
  random: () => number,
  spread: number,
): Promise<void> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = await Promise.race([
    new Promise<boolean>((resolve) =>
      child.stdout.once('data', () => resolve(true)),
    ),
    exited.then(() => false),
  ]);
  if (started) {
    await new Promise((resolve) => setTimeout(resolve, random() * spread));
    child.kill('SIGKILL');
  }
  await exited;
}

/** A small deterministic generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function fill(path: string, bytes: number, seed: number) {
  const data = Buffer.alloc(bytes);
  for (let index = 0; index < bytes; index += 4096)
    data[index] = (index / 4096 + seed) % 251;
  writeFileSync(path, data);
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const md5 = (path: string) =>
  createHash('md5').update(readFileSync(path)).digest('hex');

describe.skipIf(!moto.info)(`S3 sync killed at random${moto.missing}`, () => {
  const space = useS3Workspace('kill');
  const { direct } = space;

  it(`leaves no multipart upload pending after ${KILLS} kills of an upload and one full run`, async () => {
    const bucket = await createBucket(direct, uniqueBucket('kill-up'));
    const local = join(space.work, 'kill-up-src');
    mkdirSync(join(local, 'small'), { recursive: true });
    for (let index = 0; index < 120; index++)
      fill(join(local, 'small', `f${index}.txt`), 2048, index);
    for (let index = 0; index < 3; index++)
      fill(join(local, `big${index}.bin`), 24 * MiB, index);
    const script = join(space.work, 'kill-child.mjs');
    await childScript(script);
    const journal = join(space.work, 'kill-up-journal');
    const random = seeded(13);
    const env = {
      ENDPOINT: moto.info?.endpoint ?? '',
      KEY_ID: LAB_CREDENTIALS.accessKeyId,
      SECRET: LAB_CREDENTIALS.secretAccessKey,
      BUCKET: bucket,
      LOCAL: local,
      JOURNAL: journal,
      DIRECTION: 'up',
    };
    for (let kill = 0; kill < KILLS; kill++)
      await killMidway(script, env, random, 400);

    const { factory } = labS3Factory();
    const result = await runSync(
      {
        source: { kind: 'local', path: local },
        destination: { kind: 's3', bucket, prefix: '' },
        multipartThreshold: 8 * MiB,
        partSize: 5 * MiB,
      },
      await syncDeps(factory, journal),
      { signal: new AbortController().signal },
    );
    expect(result.failedCount).toBe(0);
    const pending = await direct.send(
      new ListMultipartUploadsCommand({ Bucket: bucket }),
    );
    expect(pending.Uploads ?? []).toEqual([]);
    expect((await allKeys(direct, bucket)).sort()).toEqual(
      filesUnder(local).sort(),
    );
    factory.destroy();
  }, 240_000);

  it(`leaves no temporary file and no torn file after ${KILLS} kills of a download and one full run`, async () => {
    const bucket = await createBucket(direct, uniqueBucket('kill-down'));
    const source = join(space.work, 'kill-down-src');
    mkdirSync(join(source, 'small'), { recursive: true });
    for (let index = 0; index < 120; index++)
      fill(join(source, 'small', `f${index}.txt`), 2048, index);
    for (let index = 0; index < 3; index++)
      fill(join(source, `big${index}.bin`), 24 * MiB, index + 7);
    const { factory } = labS3Factory();
    const journal = join(space.work, 'kill-down-journal');
    const deps = await syncDeps(factory, journal);
    await runSync(
      {
        source: { kind: 'local', path: source },
        destination: { kind: 's3', bucket, prefix: '' },
        multipartThreshold: 8 * MiB,
      },
      deps,
      { signal: new AbortController().signal },
    );
    const script = join(space.work, 'kill-child.mjs');
    await childScript(script);
    const target = join(space.work, 'kill-down-target');
    const random = seeded(29);
    const env = {
      ENDPOINT: moto.info?.endpoint ?? '',
      KEY_ID: LAB_CREDENTIALS.accessKeyId,
      SECRET: LAB_CREDENTIALS.secretAccessKey,
      BUCKET: bucket,
      LOCAL: target,
      JOURNAL: journal,
      DIRECTION: 'down',
    };
    const expected = new Map(
      filesUnder(source).map((rel) => [rel, md5(join(source, rel))]),
    );
    for (let kill = 0; kill < KILLS; kill++) {
      await killMidway(script, env, random, 1200);
      // Whatever is under a final name is whole.
      for (const rel of filesUnder(target).filter(
        (name) => !name.split('/').at(-1)?.startsWith('.'),
      ))
        expect(md5(join(target, rel)), rel).toBe(expected.get(rel));
    }

    const result = await runSync(
      {
        source: { kind: 's3', bucket, prefix: '' },
        destination: { kind: 'local', path: target },
        multipartThreshold: 8 * MiB,
      },
      deps,
      { signal: new AbortController().signal },
    );
    expect(result.failedCount).toBe(0);
    const left = filesUnder(target);
    expect(left.filter((rel) => rel.endsWith('.partial'))).toEqual([]);
    expect(left.sort()).toEqual([...expected.keys()].sort());
    for (const rel of left) {
      expect(statSync(join(target, rel)).size).toBe(
        statSync(join(source, rel)).size,
      );
      expect(md5(join(target, rel)), rel).toBe(expected.get(rel));
    }
    factory.destroy();
  }, 240_000);
});
