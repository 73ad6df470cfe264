import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  runS3Command,
  type S3CommandOptions,
} from '../../../source/commands/s3/s3-command.js';
import { bucketSyncDeps } from '../../../source/s3sync/bucket-sync-deps.js';
import { runBucketSync } from '../../../source/s3sync/bucket-sync.js';
import type { SyncSpec } from '../../../source/s3sync/sync-spec.js';
import { createUploadJournal } from '../../../source/s3sync/transfer/upload-journal.js';
import { capturedIo } from '../../helpers/command-io.js';
import { MiB, putMultipart, seedObjects } from './bucket-copy-lab.js';
import {
  allKeys,
  createBucket,
  labS3Factory,
  moto,
  uniqueBucket,
  useS3Workspace,
} from './s3-lab.js';

const signal = () => new AbortController().signal;

describe.skipIf(!moto.info)(
  `bucket-to-bucket sync: dry run, delete guards, cancel, read-only${moto.missing}`,
  () => {
    const space = useS3Workspace('bucket-sync-safety');
    const journalDir = () => join(space.work, 'journal');
    const deps = () =>
      bucketSyncDeps(labS3Factory().factory, createUploadJournal(journalDir()));
    const pair = async (
      source: Record<string, string>,
      target: Record<string, string>,
    ) => {
      const from = await createBucket(space.direct, uniqueBucket('from'));
      const to = await createBucket(space.direct, uniqueBucket('to'));
      if (Object.keys(source).length > 0) await seedObjects(from, source);
      if (Object.keys(target).length > 0) await seedObjects(to, target);
      const spec: SyncSpec = {
        source: { kind: 's3', bucket: from, prefix: 'site' },
        destination: { kind: 's3', bucket: to, prefix: 'mirror/' },
      };
      return { from, to, spec };
    };

    it('plans a dry run without copying, then copies into the prefix and deletes what the source lacks', async () => {
      const { to, spec } = await pair(
        { 'site/a.txt': 'a', 'site/b/c.txt': 'cc', 'other/x': 'x' },
        { 'mirror/old.txt': 'old', 'keep/y': 'y' },
      );
      const dry = await runBucketSync(
        { ...spec, dryRun: true, delete: true },
        deps(),
        { signal: signal() },
      );
      expect(dry.planned).toMatchObject({ copy: 2, delete: 1 });
      expect(dry.copied).toBe(0);
      expect(dry.copyTotals).toMatchObject({
        objects: 2,
        bytes: 3,
        crossRegion: false,
        copyRequests: 2,
        transferBilledBytes: 0,
      });
      expect((await allKeys(space.direct, to)).sort()).toEqual([
        'keep/y',
        'mirror/old.txt',
      ]);
      const real = await runBucketSync({ ...spec, delete: true }, deps(), {
        signal: signal(),
      });
      expect(real).toMatchObject({ copied: 2, deleted: 1, failedCount: 0 });
      expect((await allKeys(space.direct, to)).sort()).toEqual([
        'keep/y',
        'mirror/a.txt',
        'mirror/b/c.txt',
      ]);
    });

    it('refuses deletions above --max-delete and when the source is empty', async () => {
      const { to, spec } = await pair(
        { 'site/a.txt': 'a' },
        { 'mirror/1': '1', 'mirror/2': '2', 'mirror/3': '3' },
      );
      const over = await runBucketSync(
        { ...spec, delete: true, maxDelete: 2 },
        deps(),
        { signal: signal() },
      );
      expect(over.deletesRefused).toMatch(/more than --max-delete 2/);
      expect(over.copied).toBe(1);
      const empty = await runBucketSync(
        {
          ...spec,
          source: {
            kind: 's3',
            bucket: spec.source.kind === 's3' ? spec.source.bucket : '',
            prefix: 'nothing-here',
          },
          delete: true,
        },
        deps(),
        { signal: signal() },
      );
      expect(empty.deletesRefused).toMatch(/the source is empty/);
      expect((await allKeys(space.direct, to, 'mirror/')).length).toBe(4);
    });

    it('refuses a copy into its own listing', async () => {
      const bucket = await createBucket(space.direct, uniqueBucket('self'));
      await expect(
        runBucketSync(
          {
            source: { kind: 's3', bucket, prefix: '' },
            destination: { kind: 's3', bucket, prefix: 'copy/' },
          },
          deps(),
          { signal: signal() },
        ),
      ).rejects.toThrow(/overlap/);
    });

    it('aborts the multipart copy it was making when cancelled, and leaves no journal entry', async () => {
      const { from, to, spec } = await pair({}, {});
      await putMultipart(space.direct, from, 'site/big.bin', 4);
      const cancel = new AbortController();
      const withCancel = deps();
      const clientFor = withCancel.clientFor;
      const result = await runBucketSync(
        {
          ...spec,
          multipartThreshold: 8 * MiB,
          partSize: 5 * MiB,
          partConcurrency: 1,
        },
        {
          ...withCancel,
          clientFor: async (region) => {
            const client = await clientFor(region);
            client.middlewareStack.add(
              (next, context) => async (args) => {
                const answer = await next(args);
                if (context.commandName === 'UploadPartCopyCommand')
                  cancel.abort();
                return answer;
              },
              { step: 'initialize', name: `cancel-${Math.random()}` },
            );
            return client;
          },
        },
        { signal: cancel.signal },
      );
      expect(result.cancelled).toBe(true);
      expect(result.copied).toBe(0);
      const pending = await space.direct.send(
        new ListMultipartUploadsCommand({ Bucket: to }),
      );
      expect(pending.Uploads ?? []).toEqual([]);
      expect(await allKeys(space.direct, to)).toEqual([]);
      expect(
        readdirSync(journalDir()).filter((name) => name.endsWith('.json')),
      ).toEqual([]);
    });

    it('opsdeck s3 sync s3:// s3://: --dryrun lists the plan; read-only refuses before any call', async () => {
      const { from, to } = await pair({ 'site/a.txt': 'a' }, {});
      const run = async (options: Partial<S3CommandOptions>) => {
        const io = capturedIo();
        const code = await runS3Command(
          'sync',
          [`s3://${from}/site`, `s3://${to}/mirror`],
          { profile: 'lab', endpointUrl: moto.info?.endpoint, ...options },
          io,
          {
            ...process.env,
            OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
            OPSDECK_STATE_DIR: join(space.work, 'state'),
          },
        );
        return { code, out: io.stdout, err: io.stderr };
      };
      const dry = await run({ dryrun: true });
      expect(dry.code).toBe(0);
      expect(dry.out[0]).toBe('(dryrun) copy: a.txt (new)');
      expect(dry.out[1]).toMatch(/^would copy 1, delete 0, \(1 B\)/);
      expect(dry.err).toContain(
        'requests: 1 copy, 3 list; no object passes through here',
      );
      const refused = await run({ readOnly: true });
      expect(refused.code).toBe(1);
      expect(refused.err.join('\n')).toMatch(
        /read-only: the bucket copy was not run/,
      );
      expect(await allKeys(space.direct, to)).toEqual([]);
      const bad = await run({ sse: 'rot13' });
      expect(bad.code).toBe(2);
      const done = await run({ storageClass: 'STANDARD_IA', json: true });
      expect(done.code).toBe(0);
      expect(JSON.parse(done.out[0] ?? '{}')).toMatchObject({
        direction: 'copy',
        copied: 1,
      });
    });
  },
);
