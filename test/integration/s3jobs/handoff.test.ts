/**
 * A planned bucket copy handed to DataSync against moto, with the handoff
 * threshold lowered in the config: the offers, the task and its execution
 * created and followed to their end, and `opsdeck s3 sync --handoff` with
 * its refusals (read-only, no terminal without --yes) before any call.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decideForCopy,
  planBucketCopy,
} from '../../../source/commands/s3/bucket-copy-plan.js';
import {
  runS3Command,
  type S3CommandOptions,
} from '../../../source/commands/s3/s3-command.js';
import { runJobsCommand } from '../../../source/commands/s3/jobs-commands.js';
import { openS3Session } from '../../../source/commands/s3/s3-session.js';
import type { CopyJob } from '../../../source/aws/s3jobs/types.js';
import { dataSyncRequest } from '../../../source/s3sync/handoff/handoff-requests.js';
import type { SyncSpec } from '../../../source/s3sync/sync-spec.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  allKeys,
  createBucket,
  moto,
  putText,
  uniqueBucket,
  useLabProfiles,
  useS3Workspace,
} from '../s3/s3-lab.js';

const ROLE = 'arn:aws:iam::123456789012:role/opsdeck-datasync';

describe.skipIf(!moto.info)(
  `bucket copies handed to DataSync against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const space = useS3Workspace('handoff');
    const env = () => {
      const config = join(space.work, 'handoff.yaml');
      writeFileSync(
        config,
        [
          'defaults:',
          '  profile: lab',
          'handoff:',
          '  minObjects: 3',
          `  dataSyncRoleArn: ${ROLE}`,
          '',
        ].join('\n'),
      );
      return {
        ...process.env,
        OPSDECK_CONFIG: config,
        OPSDECK_STATE_DIR: join(space.work, 'state'),
      };
    };
    const options = { profile: 'lab', endpointUrl: moto.info?.endpoint };
    const seeded = async (count: number) => {
      const from = await createBucket(space.direct, uniqueBucket('hf'));
      const to = await createBucket(space.direct, uniqueBucket('ht'));
      for (let index = 0; index < count; index++)
        await putText(space.direct, from, `site/${index}.txt`, `body ${index}`);
      return { from, to };
    };
    const sync = async (
      from: string,
      to: string,
      flags: Partial<S3CommandOptions>,
    ) => {
      const io = capturedIo();
      const code = await runS3Command(
        'sync',
        [`s3://${from}/site/`, `s3://${to}/site/`],
        { ...options, ...flags },
        io,
        env(),
      );
      return { code, out: io.stdout, err: io.stderr };
    };

    it('offers both engines above the lowered threshold; DataSync is created and followed to its end', async () => {
      const { from, to } = await seeded(4);
      const session = await openS3Session(options, env());
      const signal = new AbortController().signal;
      const spec: SyncSpec = {
        source: { kind: 's3', bucket: from, prefix: 'site/' },
        destination: { kind: 's3', bucket: to, prefix: 'site/' },
      };
      const { result, bucketCopy } = await planBucketCopy(
        session,
        spec,
        {},
        { signal },
      );
      expect(result).toMatchObject({ dryRun: true, copied: 0 });
      expect(bucketCopy?.planned.keys.map((ref) => ref.key).sort()).toEqual([
        'site/0.txt',
        'site/1.txt',
        'site/2.txt',
        'site/3.txt',
      ]);
      if (!bucketCopy) throw new Error('a bucket copy');
      const decision = await decideForCopy(session, bucketCopy, signal);
      expect(decision?.large).toBe(true);
      expect(decision?.why).toMatch(/^4 objects, .* \(by the listing\)/);
      const [batch, dataSync] = decision?.offers ?? [];
      expect(batch).toMatchObject({ engine: 'batch', allowed: false });
      expect(batch?.reason).toBe(
        'no IAM role: pass --role-arn, or set handoff.batchRoleArn in config.yaml',
      );
      expect(dataSync).toMatchObject({
        engine: 'datasync',
        allowed: true,
        recommended: true,
      });
      const jobs = await session.jobs();
      const created = await jobs.createDataSyncCopy(
        dataSyncRequest(bucketCopy.places, bucketCopy.totals, ROLE),
      );
      let job: CopyJob = created;
      for (let poll = 0; poll < 20 && job.phase === 'active'; poll++)
        job = await jobs.status(created.id, signal);
      expect(job.phase).toBe('done');
      expect(job.status).toBe('SUCCESS');
      expect((await jobs.list(signal)).jobs.map((row) => row.name)).toContain(
        `opsdeck copy ${from} to ${to}`,
      );
      // Nothing went through opsdeck: the plan was a dry run.
      expect(await allKeys(space.direct, to)).toEqual([]);
      session.close();
    });

    it('opsdeck s3 sync --dryrun prints the offers, as text and in --json; below the threshold it does not', async () => {
      const { from, to } = await seeded(3);
      const text = await sync(from, to, { dryrun: true });
      expect(text.code).toBe(0);
      expect(text.err).toContainEqual(
        expect.stringMatching(/^large copy: 3 objects/),
      );
      expect(text.err).toContainEqual(
        expect.stringMatching(
          /^\* AWS DataSync S3-to-S3 task: \$[\d.]+ per million objects/,
        ),
      );
      const json = await sync(from, to, { dryrun: true, json: true });
      const parsed = JSON.parse(json.out.at(-1) ?? '{}') as {
        handoff?: { large: boolean; offers: { engine: string }[] };
      };
      expect(parsed.handoff?.large).toBe(true);
      expect(parsed.handoff?.offers.map((offer) => offer.engine)).toEqual([
        'batch',
        'datasync',
      ]);
      const small = await seeded(2);
      const below = await sync(small.from, small.to, { dryrun: true });
      expect(below.err.join('\n')).not.toContain('large copy');
    });

    it('opsdeck s3 sync --handoff datasync --yes creates the task and its execution instead of copying', async () => {
      const { from, to } = await seeded(3);
      const dry = await sync(from, to, { handoff: 'datasync', dryrun: true });
      expect(dry.code).toBe(0);
      expect(dry.out.at(-1)).toBe(
        '(dryrun) nothing was created; without --dryrun: Create an AWS DataSync task and start it',
      );
      const made = await sync(from, to, { handoff: 'datasync', yes: true });
      expect(made.code).toBe(0);
      expect(made.err).toContain(`from s3://${from}/site/`);
      const [line = ''] = made.out;
      expect(made.out).toHaveLength(1);
      const id = /created: (arn:aws:datasync:\S+)/.exec(line)?.[1] ?? '';
      expect(id).toMatch(/\/execution\/exec-/);
      // The job is the engine's now: opsdeck s3 jobs status reads it back.
      const io = capturedIo();
      expect(
        await runJobsCommand(
          'status',
          id,
          { ...options, json: true },
          io,
          env(),
        ),
      ).toBe(0);
      expect(JSON.parse(io.stdout[0] ?? '{}')).toMatchObject({
        engine: 'datasync',
        id,
        name: `opsdeck copy ${from} to ${to}`,
      });
      expect(await allKeys(space.direct, to)).toEqual([]);
    });

    it('--handoff is refused before any call in read-only mode and without a terminal unless --yes', async () => {
      const { from, to } = await seeded(3);
      const readOnly = await sync(from, to, {
        handoff: 'datasync',
        yes: true,
        readOnly: true,
      });
      expect(readOnly.code).toBe(1);
      expect(readOnly.err.join('\n')).toContain(
        'read-only: the DataSync task was not created',
      );
      const noTerminal = await sync(from, to, { handoff: 'datasync' });
      expect(noTerminal.code).toBe(2);
      expect(noTerminal.err.join('\n')).toContain('pass --yes');
      const badEngine = await sync(from, to, { handoff: 'rsync' });
      expect(badEngine.code).toBe(2);
      const session = await openS3Session(options, env());
      const names = (await (await session.jobs()).list()).jobs.map(
        (job) => job.name,
      );
      expect(names).not.toContain(`opsdeck copy ${from} to ${to}`);
      session.close();
    });

    it('refuses an s3:// location whose bucket name breaks the naming rules before any request', async () => {
      const { to } = await seeded(0);
      const io = capturedIo();
      const code = await runS3Command(
        'sync',
        ['s3://Bad_Bucket!/', `s3://${to}/`],
        options,
        io,
        env(),
      );
      expect(code).toBe(1);
      expect(io.stderr.join('\n')).toContain(
        's3://Bad_Bucket!/ cannot be a bucket: its name must not contain uppercase letters',
      );
    });
  },
);
