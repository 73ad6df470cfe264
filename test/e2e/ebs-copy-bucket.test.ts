/**
 * A bucket moved to another region in a real terminal at 80x24, on the
 * shared lab (so moto outlives the console): `r` on the bucket, the plan,
 * the run killed while the contents copy, a new console resuming it from
 * :migrations, the catch-up sync, then both buckets compared by asking moto.
 */
import {
  GetBucketTaggingCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_CREDENTIALS } from '../../source/lab/lab-aws.js';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { runInPty } from '../helpers/pty-screen.js';
import { configuredBucket } from '../integration/ebs-copy/bucket-lab.js';

const moto = labPart('moto');
const OBJECTS = 300;

describe.skipIf(!moto.info)(
  `a bucket to another region in a terminal${moto.missing}`,
  () => {
    it('moves a bucket, is killed while copying, resumes and creates the bucket once', async () => {
      const lab = moto.info;
      if (lab === undefined) return;
      const s3 = new S3Client({
        region: 'us-east-1',
        endpoint: lab.endpoint,
        credentials: LAB_CREDENTIALS,
        forcePathStyle: true,
      });
      const source = await configuredBucket(s3, 'pty', OBJECTS);
      const target = `${source}-eu-west-1`;
      const state = await mkdtemp(join(tmpdir(), 'opsdeck-e2e-bucket-'));
      const open = () =>
        runInPty(
          process.execPath,
          [
            builtCli(),
            '--profile',
            'lab',
            '--endpoint-url',
            lab.endpoint,
            '--config',
            lab.opsdeckConfigFile,
          ],
          {
            columns: 80,
            rows: 24,
            env: {
              AWS_CONFIG_FILE: lab.awsConfigFile,
              AWS_SHARED_CREDENTIALS_FILE: lab.awsCredentialsFile,
              OPSDECK_STATE_DIR: state,
            },
          },
        );
      let app = open();
      try {
        await app.waitFor((s) => s.includes('Instances ('), 'the console');
        app.type(':s3\r');
        // The shared lab may hold many buckets: the filter finds this one.
        await app.waitFor(
          (s) => /Buckets \(\d+\)/.test(s),
          'the buckets',
          30_000,
        );
        app.type(`/${source}\r`);
        await app.waitFor((s) => /Buckets \(1\/\d+\)/.test(s), 'the bucket');
        app.type('r');
        await app.waitFor((s) => s.includes('to which region?'), 'regions');
        app.type('/eu-west-1');
        await app.waitFor((s) => /\(1\/\d+\)/.test(s), 'eu-west-1');
        app.type('\r');
        await app.waitFor((s) => s.includes(`New bucket  ${target}`), 'name');
        app.type('\r');
        const review = await app.waitFor(
          (s) => s.includes('Step 5/6: Plan'),
          'the plan',
          30_000,
        );
        expect(review).toContain(`Create bucket ${target} in eu-west-1`);
        expect(review).toContain('Plan: 9 steps');
        app.type('\r');
        await app.waitFor((s) => s.includes('Start copy'), 'the confirmation');
        app.type('y');
        await app.waitFor(
          (s) => /[1-9]\d*\/300 done/.test(s),
          'the contents copy under way',
          60_000,
        );
        app.kill();
        await app.exited;

        app = open();
        await app.waitFor(
          (s) => s.includes('unfinished'),
          'the resume notice',
          30_000,
        );
        app.type(':migrations\r');
        await app.waitFor((s) => s.includes('Region copies (1)'), 'the run');
        app.type('r');
        const resumed = await app.waitFor(
          (s) => s.includes('(done in an earlier session)'),
          'the resumed run',
        );
        expect(resumed).toMatch(
          /Create bucket \S+ in eu-west-1 \(done in an earlier\s+session\)/,
        );
        const finished = await app.waitFor(
          (s) => s.includes('Finished'),
          'the finish screen',
          120_000,
        );
        expect(finished).toMatch(/already in/);
        expect(finished).toContain(`bucket ${target}`);
        app.type('c');
        await app.waitFor((s) => s.includes('Catch-up sync'), 'the dialog');
        app.type('y');
        await app.waitFor(
          (s) => s.includes(`catch-up ${target}: 0 copied`),
          'the catch-up',
          60_000,
        );
        app.type('q');
        expect(await app.exited).toBe(0);

        const keys = async (Bucket: string) => {
          const page = await s3.send(new ListObjectsV2Command({ Bucket }));
          return (page.Contents ?? []).map((o) => [o.Key, o.Size]);
        };
        expect(await keys(target)).toEqual(await keys(source));
        const tags = await s3.send(
          new GetBucketTaggingCommand({ Bucket: target }),
        );
        expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'web' }]);
      } finally {
        app.kill();
        s3.destroy();
        await rm(state, { recursive: true, force: true });
      }
    }, 300_000);
  },
);
