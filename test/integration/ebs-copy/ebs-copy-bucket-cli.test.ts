/**
 * `opsdeck ebs-copy --bucket` against moto: the bucket's region found, the
 * items named in --skip-config left out, the run done without a terminal
 * with --yes; read-only shows the plan and creates nothing.
 */
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBucketConfig } from '../../../source/aws/s3/bucket-config/bucket-config.js';
import { runEbsCopy } from '../../../source/commands/ebs-copy/command.js';
import { capturedIo } from '../../helpers/command-io.js';
import {
  allKeys,
  directS3,
  labS3Factory,
  moto,
  uniqueBucket,
  useLabProfiles,
} from '../s3/s3-lab.js';
import { configuredBucket } from './bucket-lab.js';

describe.skipIf(!moto.info)(
  `opsdeck ebs-copy --bucket against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const direct = directS3();
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'opsdeck-bucket-cli-'));
      process.env['OPSDECK_STATE_DIR'] = dir;
    });
    afterAll(async () => {
      delete process.env['OPSDECK_STATE_DIR'];
      direct.destroy();
      await rm(dir, { recursive: true, force: true });
    });

    async function run(flags: Record<string, unknown>) {
      const io = capturedIo();
      const code = await runEbsCopy(
        {
          profile: 'lab',
          region: 'us-west-2',
          endpointUrl: moto.info?.endpoint,
          config: moto.info?.opsdeckConfigFile,
          to: 'eu-west-1',
          ...flags,
        },
        io,
      );
      return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
    }

    const exists = (Bucket: string) =>
      direct.send(new HeadBucketCommand({ Bucket })).then(
        () => true,
        () => false,
      );

    it('read-only shows the plan and creates nothing', async () => {
      const source = await configuredBucket(direct, 'cli-ro', 2);
      const target = uniqueBucket('cli-ro-target');
      const result = await run({
        bucket: source,
        targetBucket: target,
        readOnly: true,
        yes: true,
      });
      expect(result.err).toContain('read-only');
      expect(result.err).toContain('nothing created');
      expect(result.code).toBe(1);
      expect(await exists(target)).toBe(false);
    });

    it('moves a bucket without a terminal, leaving out what --skip-config names', async () => {
      const source = await configuredBucket(direct, 'cli', 12);
      const target = uniqueBucket('cli-target');
      const result = await run({
        bucket: source,
        targetBucket: target,
        skipConfig: 'cors,public-access-block',
        yes: true,
      });
      expect(result.err).not.toContain('opsdeck ebs-copy:');
      expect(result.code).toBe(0);
      const { factory } = labS3Factory();
      const copied = await readBucketConfig(factory, target);
      factory.destroy();
      expect(copied.cors).toBeUndefined();
      expect(copied.publicAccessBlock).toBeUndefined();
      expect(copied.versioning).toBe('Enabled');
      expect(copied.tags).toEqual([{ Key: 'team', Value: 'web' }]);
      expect((await allKeys(direct, target)).sort()).toEqual(
        (await allKeys(direct, source)).sort(),
      );
    });

    it('says what --skip-config takes', async () => {
      const result = await run({ bucket: 'any', skipConfig: 'acl' });
      expect(result.code).toBe(2);
      expect(result.err).toContain(
        '--skip-config acl is not one of versioning',
      );
    });
  },
);
