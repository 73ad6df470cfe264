/**
 * A bucket's configuration copied to a new bucket in another region, against
 * moto: what exists is read, planned, applied in the target region, and
 * read back equal (the policy with the bucket's own ARN rewritten).
 */
import {
  GetBucketLocationCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyBucketConfig,
  checkTargetName,
  readBucketConfig,
} from '../../../source/aws/s3/bucket-config/bucket-config.js';
import {
  planBucketConfig,
  suggestTargetName,
} from '../../../source/aws/s3/bucket-config/config-plan.js';
import { ReadOnlyError } from '../../../source/safety/read-only.js';
import {
  createBucket,
  directS3,
  labS3Factory,
  moto,
  uniqueBucket,
  useLabProfiles,
} from '../s3/s3-lab.js';

describe.skipIf(!moto.info)(
  `bucket configuration to another region against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const direct = directS3();
    afterAll(() => direct.destroy());

    async function configuredSource(): Promise<string> {
      const bucket = await createBucket(direct, uniqueBucket('cfg'));
      const Bucket = bucket;
      await direct.send(
        new PutBucketVersioningCommand({
          Bucket,
          VersioningConfiguration: { Status: 'Enabled' },
        }),
      );
      await direct.send(
        new PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [
              {
                ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
              },
            ],
          },
        }),
      );
      await direct.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket,
          LifecycleConfiguration: {
            Rules: [
              {
                ID: 'expire-logs',
                Status: 'Enabled',
                Filter: { Prefix: 'logs/' },
                Expiration: { Days: 30 },
              },
            ],
          },
        }),
      );
      await direct.send(
        new PutBucketCorsCommand({
          Bucket,
          CORSConfiguration: {
            CORSRules: [
              {
                AllowedMethods: ['GET'],
                AllowedOrigins: ['https://shop.example'],
              },
            ],
          },
        }),
      );
      await direct.send(
        new PutBucketTaggingCommand({
          Bucket,
          Tagging: { TagSet: [{ Key: 'team', Value: 'web' }] },
        }),
      );
      await direct.send(
        new PutPublicAccessBlockCommand({
          Bucket,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
      );
      await direct.send(
        new PutBucketPolicyCommand({
          Bucket,
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'cdn',
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::123456789012:role/cdn' },
                Action: 's3:GetObject',
                Resource: `arn:aws:s3:::${bucket}/*`,
              },
            ],
          }),
        }),
      );
      return bucket;
    }

    it('reads every item, makes the target in eu-west-1 and applies the plan there', async () => {
      const source = await configuredSource();
      const { factory } = labS3Factory();
      const target = suggestTargetName(source, 'eu-west-1');
      expect(await checkTargetName(factory, target)).toEqual({
        usable: true,
        exists: false,
      });
      const found = await readBucketConfig(factory, source);
      const plan = planBucketConfig(source, target, 'eu-west-1', found);
      expect(plan.steps.map((step) => step.item)).toEqual([
        'versioning',
        'encryption',
        'lifecycle',
        'cors',
        'tags',
        'publicAccessBlock',
        'policy',
      ]);
      const applied = await applyBucketConfig(
        factory,
        plan,
        new Set(plan.steps.map((step) => step.item)),
        { create: true },
      );
      expect(applied).toHaveLength(7);

      const location = await direct.send(
        new GetBucketLocationCommand({ Bucket: target }),
      );
      expect(location.LocationConstraint).toBe('eu-west-1');
      const copied = await readBucketConfig(factory, target);
      expect(copied).toEqual({
        ...found,
        policy: expect.any(String) as string,
      });
      const policy = JSON.parse(copied.policy ?? '{}') as {
        Statement: { Resource: string }[];
      };
      expect(policy.Statement[0]?.Resource).toBe(`arn:aws:s3:::${target}/*`);
      expect(await checkTargetName(factory, target)).toEqual({
        usable: true,
        exists: true,
      });
      factory.destroy();
    });

    it('a bucket with nothing configured plans no step; an unchosen item is not applied', async () => {
      const source = await createBucket(direct, uniqueBucket('bare'));
      const { factory } = labS3Factory();
      const plan = planBucketConfig(
        source,
        `${source}-x`,
        'us-west-2',
        await readBucketConfig(factory, source),
      );
      expect(plan.steps).toEqual([]);
      const configured = await configuredSource();
      const partial = planBucketConfig(
        configured,
        uniqueBucket('part'),
        'us-west-2',
        await readBucketConfig(factory, configured),
      );
      await applyBucketConfig(factory, partial, new Set(['tags']), {
        create: true,
      });
      const copied = await readBucketConfig(factory, partial.target);
      expect(copied.tags).toEqual([{ Key: 'team', Value: 'web' }]);
      expect(copied.lifecycle).toBeUndefined();
      expect(copied.policy).toBeUndefined();
      factory.destroy();
    });

    it('refuses a name that breaks the rules without a call, and read-only refuses making the bucket', async () => {
      const { factory } = labS3Factory(true);
      expect(await checkTargetName(factory, 'Bad_Name')).toEqual({
        usable: false,
        why: expect.stringContaining('uppercase') as string,
      });
      const source = await configuredSource();
      const plan = planBucketConfig(
        source,
        uniqueBucket('ro'),
        'eu-west-1',
        await readBucketConfig(factory, source),
      );
      await expect(
        applyBucketConfig(factory, plan, new Set(['tags']), { create: true }),
      ).rejects.toBeInstanceOf(ReadOnlyError);
      factory.destroy();
    });
  },
);
