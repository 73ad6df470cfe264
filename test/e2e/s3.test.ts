/**
 * The S3 panes in a real terminal, on a lab of their own (--demo): a sync
 * from a local directory after its dry-run plan, then rb --force of the
 * bucket, each checked by asking moto directly.
 */
import {
  ListObjectsV2Command,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_CREDENTIALS } from '../../source/lab/lab-aws.js';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { demoMotoEndpoint, runInPty } from '../helpers/pty-screen.js';

const moto = labPart('moto');

describe.skipIf(!moto.info)(`S3 panes in a terminal${moto.missing}`, () => {
  it('syncs a directory into a new bucket after the plan, then removes the bucket with everything in it', async () => {
    const local = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-s3-'));
    mkdirSync(join(local, 'conf'));
    writeFileSync(join(local, 'conf', 'app.ini'), '[app]\nport=8080\n');
    writeFileSync(join(local, 'index.html'), '<h1>hello</h1>');
    const app = runInPty(
      process.execPath,
      [builtCli(), '--demo', '--pane', 's3'],
      {
        columns: 80,
        rows: 24,
      },
    );
    try {
      await app.waitFor(
        (screen) => screen.includes('opsdeck-lab-logs'),
        'the buckets',
        60_000,
      );
      const endpoint = await demoMotoEndpoint(app);
      const s3 = new S3Client({
        region: 'us-east-1',
        endpoint,
        credentials: LAB_CREDENTIALS,
        forcePathStyle: true,
      });
      await app.waitFor(
        (screen) => screen.includes('Buckets (4)'),
        'the buckets again',
      );

      // Make a bucket.
      app.type('n');
      await app.waitFor(
        (screen) => screen.includes('Make a bucket'),
        'the mb form',
      );
      app.type('e2e-site\r');
      await app.waitFor(
        (screen) => screen.includes('Make bucket e2e-site'),
        'the mb confirmation',
      );
      app.type('y');
      await app.waitFor(
        (screen) => screen.includes('Buckets (5)'),
        'five buckets',
      );

      // Sync the directory up, after the plan.
      app.type('/e2e-site\r');
      await app.waitFor(
        (screen) => screen.includes('Buckets (1/5'),
        'the new bucket alone',
      );
      app.type('s');
      await app.waitFor(
        (screen) => screen.includes('Sync a directory with S3'),
        'the sync form',
      );
      app.type(`${local}\r`);
      const plan = await app.waitFor(
        (screen) => screen.includes('upload 2'),
        'the plan',
      );
      expect(plan).toContain('+ conf/app.ini (new)');
      expect(plan).toContain('+ index.html (new)');
      app.type('y');
      await app.waitFor(
        (screen) => screen.includes('sync: 2 up'),
        'the summary',
      );
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: 'e2e-site' }),
      );
      expect(
        (listed.Contents ?? []).map((object) => object.Key).sort(),
      ).toEqual(['conf/app.ini', 'index.html']);

      // Remove it with everything in it.
      app.type('F');
      await app.waitFor(
        (screen) => screen.includes('2 current objects'),
        'the rb --force preview',
      );
      app.type('e2e-site\r');
      await app.waitFor(
        (screen) => screen.includes('removed e2e-site'),
        'the removal',
      );
      const buckets = await s3.send(new ListBucketsCommand({}));
      expect(
        (buckets.Buckets ?? []).map((bucket) => bucket.Name),
      ).not.toContain('e2e-site');
      s3.destroy();
      app.type('q');
      expect(await app.exited).toBe(0);
    } finally {
      app.kill();
      rmSync(local, { recursive: true, force: true });
    }
  });
});
