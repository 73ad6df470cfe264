/**
 * Small sync uploads go around the SDK (source/aws/s3/direct-put.ts) when
 * the caller allows it, store what the SDK's PutObject would, and leave
 * everything else, read-only mode first, to the SDK.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createDirectPutter } from '../../../source/aws/s3/direct-put.js';
import { runS3Command } from '../../../source/commands/s3/s3-command.js';
import { runSync } from '../../../source/s3sync/sync.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  allKeys,
  countRequests,
  createBucket,
  labS3Factory,
  moto,
  syncDeps,
  uniqueBucket,
  useS3Workspace,
} from './s3-lab.js';

const signal = () => new AbortController().signal;
const NAMES = ['plain.txt', 'with space (1)!.txt', 'caf\u00e9/\u{1F600}*.txt'];

describe.skipIf(!moto.info)(`direct PUTs against moto${moto.missing}`, () => {
  const space = useS3Workspace('direct-put');
  const { direct } = space;
  const tree = (label: string) => {
    const dir = join(space.work, label);
    for (const name of NAMES) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), `body of ${name}\n`.repeat(9));
    }
    return dir;
  };

  it('uploads without one SDK PutObject: bodies, metadata and CRC32 as the SDK stores them, and the next run sees no change', async () => {
    const bucket = await createBucket(direct, uniqueBucket('dput'));
    const dir = tree('up');
    const { factory } = labS3Factory();
    const deps = {
      ...(await syncDeps(factory, join(space.work, 'journal'))),
      directUploads: true,
    };
    const counts = countRequests(deps.client);
    const spec = {
      source: { kind: 'local' as const, path: dir },
      destination: { kind: 's3' as const, bucket, prefix: 'p/' },
    };
    const result = await runSync(spec, deps, { signal: signal() });
    expect(result.failed).toEqual([]);
    expect(result.uploaded).toBe(NAMES.length);
    expect(counts.get('PutObject') ?? 0).toBe(0);
    for (const name of NAMES) {
      const object = await direct.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: `p/${name}`,
          ChecksumMode: 'ENABLED',
        }),
      );
      expect(await object.Body?.transformToString()).toBe(
        `body of ${name}\n`.repeat(9),
      );
      expect(object.ChecksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==$/);
      expect(object.ContentType).toBe('application/octet-stream');
      expect(object.Metadata?.['opsdeck-sync']).toBe('1');
      expect(object.Metadata?.['mtime']).toMatch(/^\d+\.\d{3}$/);
    }
    const again = await runSync(spec, deps, { signal: signal() });
    expect(again.uploaded).toBe(0);
    expect(again.skipped.unchanged).toBe(NAMES.length);
    factory.destroy();
  });

  it('the SDK uploads when the caller did not allow it, and where a direct PUT was refused', async () => {
    const bucket = await createBucket(direct, uniqueBucket('dput-sdk'));
    const { factory } = labS3Factory();
    const deps = await syncDeps(factory, join(space.work, 'journal'));
    const counts = countRequests(deps.client);
    const result = await runSync(
      {
        source: { kind: 'local', path: tree('sdk') },
        destination: { kind: 's3', bucket, prefix: '' },
      },
      deps,
      { signal: signal() },
    );
    expect(result.failed).toEqual([]);
    expect(counts.get('PutObject')).toBe(NAMES.length);
    const putter = await createDirectPutter(deps.client);
    const put = (to: string) =>
      putter?.put(
        { bucket: to, key: 'k', body: Buffer.from('x'), metadata: {} },
        signal(),
      );
    expect(await put(uniqueBucket('missing'))).toBe(false);
    expect(await put(bucket)).toBe(true);
    putter?.close();
    factory.destroy();
  });

  it('opsdeck --read-only s3 sync sends no PUT', async () => {
    const bucket = await createBucket(direct, uniqueBucket('dput-ro'));
    const io = capturedIo({});
    const code = await runS3Command(
      'sync',
      [tree('ro'), `s3://${bucket}/`],
      { profile: 'lab', endpointUrl: moto.info?.endpoint, readOnly: true },
      io,
      {
        ...process.env,
        OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
        OPSDECK_STATE_DIR: join(space.work, 'state'),
      },
    );
    expect(code).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /read-only: s3:PutObject was not sent/,
    );
    expect(await allKeys(direct, bucket)).toEqual([]);
  });
});
