/**
 * The region-copy wizard's bucket path against moto, us-east-1 to
 * eu-west-1: the target made once, every configuration item equal (the
 * policy naming the new bucket), every key and size equal; a run stopped
 * after a step, or killed between CreateBucket and its journal entry,
 * resumes without making the bucket twice; read-only refuses before any call.
 */
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBucketConfig } from '../../../source/aws/s3/bucket-config/bucket-config.js';
import { createEbsCopyEngine } from '../../../source/wizards/ebs-copy/engine.js';
import { createJournalStore } from '../../../source/wizards/ebs-copy/run/journal.js';
import type { Journal } from '../../../source/wizards/ebs-copy/run-types.js';
import type { CopyRequest } from '../../../source/wizards/ebs-copy/types.js';
import {
  countRequests,
  directS3,
  labS3Factory,
  moto,
  uniqueBucket,
  useLabProfiles,
} from '../s3/s3-lab.js';
import { configuredBucket } from './bucket-lab.js';

const TARGET_REGION = 'eu-west-1';

describe.skipIf(!moto.info)(
  `ebs-copy bucket path against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const direct = directS3();
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'opsdeck-bucket-copy-'));
    });
    afterAll(async () => {
      direct.destroy();
      await rm(dir, { recursive: true, force: true });
    });

    async function setup(readOnly = false) {
      const { factory } = labS3Factory(readOnly);
      const creates = countRequests(await factory.s3(TARGET_REGION));
      const engine = createEbsCopyEngine({
        factory,
        journals: createJournalStore(dir),
        poll: { intervalMs: 1 },
      });
      return { factory, engine, creates };
    }

    const request = (source: string, target: string): CopyRequest => ({
      source: { kind: 'bucket', id: source, region: 'us-east-1' },
      target: { region: TARGET_REGION, encryption: { mode: 'keep' } },
      tags: { mode: 'all' },
      bucket: { targetName: target, skip: [] },
    });

    async function listing(bucket: string) {
      const client = directS3();
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket }),
      );
      client.destroy();
      return (page.Contents ?? []).map((object) => [object.Key, object.Size]);
    }

    it('moves a bucket with its configuration, stopped after the create step and resumed', async () => {
      const source = await configuredBucket(direct, 'move', 50);
      const target = uniqueBucket('moved');
      const { factory, engine, creates } = await setup();
      const preflight = await engine.preflight(request(source, target));
      expect(preflight.problems.filter((p) => p.severity !== 'info')).toEqual(
        [],
      );
      expect(preflight.facts?.bucket?.objects).toBe(50);
      const plan = engine.plan(request(source, target), preflight.facts!);
      expect(plan.map((step) => step.id)).toEqual([
        'create-bucket',
        'bucket-versioning',
        'bucket-encryption',
        'bucket-lifecycle',
        'bucket-cors',
        'bucket-tags',
        'bucket-public-access-block',
        'bucket-policy',
        'copy-contents',
      ]);
      const journal = await engine.create(request(source, target), preflight);

      const stop = new AbortController();
      await expect(
        engine.run(journal.runId, {
          signal: stop.signal,
          onEvent: (event) => {
            if (event.type === 'step-done' && event.stepId === 'create-bucket')
              stop.abort();
          },
        }),
      ).rejects.toThrow();
      const stopped = await engine.load(journal.runId);
      expect(stopped.state).toBe('cancelled');
      expect(stopped.steps['create-bucket']?.status).toBe('done');
      expect(creates.get('CreateBucket')).toBe(1);

      const skipped: string[] = [];
      const summary = await engine.run(journal.runId, {
        onEvent: (event) => {
          if (event.type === 'step-skipped') skipped.push(event.stepId);
        },
      });
      expect(summary.state).toBe('done');
      expect(skipped).toEqual(['create-bucket']);
      expect(creates.get('CreateBucket')).toBe(1);
      expect(summary.catchUp).toEqual({ source, target });
      expect(summary.target).toEqual([
        {
          type: 'bucket',
          id: target,
          region: TARGET_REGION,
          intermediate: false,
        },
      ]);

      const found = await readBucketConfig(factory, source);
      const copied = await readBucketConfig(factory, target);
      expect(copied).toEqual({
        ...found,
        policy: expect.any(String) as string,
      });
      expect(copied.policy).toBe(
        (found.policy ?? '').replaceAll(
          `arn:aws:s3:::${source}/`,
          `arn:aws:s3:::${target}/`,
        ),
      );
      expect(await listing(target)).toEqual(await listing(source));

      // The catch-up sync copies what the source gained since, and only that.
      await direct.send(
        new PutObjectCommand({ Bucket: source, Key: 'late.txt', Body: 'late' }),
      );
      const again = await engine.catchUp(journal.runId, {
        signal: new AbortController().signal,
      });
      expect(again.copied).toBe(1);
      expect(await listing(target)).toEqual(await listing(source));
      factory.destroy();
    });

    it('a session killed between CreateBucket and its journal entry finds the bucket instead of making it again', async () => {
      const source = await configuredBucket(direct, 'lost', 5);
      const target = uniqueBucket('found');
      const { factory, engine, creates } = await setup();
      const preflight = await engine.preflight(request(source, target));
      const journal = await engine.create(request(source, target), preflight);
      const stop = new AbortController();
      await expect(
        engine.run(journal.runId, {
          signal: stop.signal,
          onEvent: (event) => {
            if (event.type === 'step-done') stop.abort();
          },
        }),
      ).rejects.toThrow();
      // As if the kill came before the bucket's name reached the journal.
      const path = join(dir, `${journal.runId}.json`);
      const saved = JSON.parse(await readFile(path, 'utf8')) as Journal;
      await writeFile(
        path,
        JSON.stringify({
          ...saved,
          steps: {
            'create-bucket': { status: 'running', outputs: {}, created: [] },
          },
        }),
      );
      const found: string[] = [];
      const summary = await engine.run(journal.runId, {
        onEvent: (event) => {
          if (event.type === 'resource-found') found.push(event.resource.id);
        },
      });
      expect(summary.state).toBe('done');
      expect(found).toEqual([target]);
      expect(creates.get('CreateBucket')).toBe(1);
      expect(await listing(target)).toEqual(await listing(source));
      factory.destroy();
    });

    it('blocks a name that is taken or breaks the rules, and read-only refuses the run and the catch-up before any call', async () => {
      const source = await configuredBucket(direct, 'ro', 1);
      const { factory, engine } = await setup();
      const taken = await engine.preflight(request(source, source));
      expect(taken.ok).toBe(false);
      const bad = await engine.preflight(request(source, 'Bad_Name'));
      expect(bad.problems.map((p) => p.code)).toContain('target-name');
      const target = uniqueBucket('ro-target');
      const preflight = await engine.preflight(request(source, target));
      const journal = await engine.create(request(source, target), preflight);
      factory.destroy();

      const readOnly = await setup(true);
      const sent = countRequests(await readOnly.factory.s3());
      await expect(readOnly.engine.run(journal.runId)).rejects.toThrow(
        /read-only/,
      );
      await expect(
        readOnly.engine.catchUp(journal.runId, {
          signal: new AbortController().signal,
        }),
      ).rejects.toThrow(/read-only/);
      expect([...sent.keys()]).toEqual([]);
      expect([...readOnly.creates.keys()]).toEqual([]);
      expect((await readOnly.engine.load(journal.runId)).state).toBe('planned');
      readOnly.factory.destroy();
    });
  },
);
