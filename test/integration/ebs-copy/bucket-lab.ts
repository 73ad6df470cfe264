/** A source bucket for the wizard's bucket path: every configuration item and some objects. */
import {
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createBucket, putText, uniqueBucket } from '../s3/s3-lab.js';

export async function configuredBucket(
  client: S3Client,
  label: string,
  objects: number,
): Promise<string> {
  const Bucket = await createBucket(client, uniqueBucket(label));
  await client.send(
    new PutBucketVersioningCommand({
      Bucket,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await client.send(
    new PutBucketEncryptionCommand({
      Bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [
          { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
    }),
  );
  await client.send(
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
  await client.send(
    new PutBucketCorsCommand({
      Bucket,
      CORSConfiguration: {
        CORSRules: [
          { AllowedMethods: ['GET'], AllowedOrigins: ['https://shop.example'] },
        ],
      },
    }),
  );
  await client.send(
    new PutBucketTaggingCommand({
      Bucket,
      Tagging: { TagSet: [{ Key: 'team', Value: 'web' }] },
    }),
  );
  await client.send(
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
  await client.send(
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
            Resource: `arn:aws:s3:::${Bucket}/*`,
          },
        ],
      }),
    }),
  );
  for (let index = 0; index < objects; index += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, objects - index) }, (_, offset) =>
        putText(
          client,
          Bucket,
          `logs/${String(index + offset).padStart(3, '0')}.log`,
          'x'.repeat(index + offset + 1),
        ),
      ),
    );
  return Bucket;
}
