/**
 * The calls behind a bucket's copy in another region: read what the source
 * has, check the target's name and whether it is free, make it, and apply
 * the chosen steps of a plan (config-plan.ts plans them without a call).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { isAbortError } from '../../../lib/errors.js';
import type { AwsClientFactory } from '../../client-factory.js';
import { bucketNameProblems } from '../bucket-names.js';
import { bucketRegion, makeBucket } from '../buckets.js';
import { s3Call, s3Context } from '../s3-errors.js';
import type {
  BucketConfiguration,
  ConfigItem,
  ConfigPlan,
} from './config-plan.js';

/** Codes S3 answers when a bucket has no such configuration. */
const ABSENT =
  /^(NoSuchLifecycleConfiguration|NoSuchCORSConfiguration|NoSuchTagSet|NoSuchTagSetError|NoSuchBucketPolicy|NoSuchPublicAccessBlockConfiguration|ServerSideEncryptionConfigurationNotFoundError)$/;

async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isAbortError(error)) throw error;
    const cause = (error as { cause?: unknown }).cause ?? error;
    const name = (cause as { name?: string; Code?: string }).name ?? '';
    if (ABSENT.test(name)) return undefined;
    throw error;
  }
}

export async function readBucketConfig(
  factory: AwsClientFactory,
  bucket: string,
  signal?: AbortSignal,
): Promise<BucketConfiguration> {
  const sdk = await import('@aws-sdk/client-s3');
  const region = await bucketRegion(
    factory,
    await factory.s3(),
    bucket,
    signal ?? new AbortController().signal,
  );
  const client = await factory.s3(region);
  const get = <T>(operation: string, send: (client: S3Client) => Promise<T>) =>
    optional(() =>
      s3Call(s3Context(factory, operation, bucket), () => send(client)),
    );
  const options = { abortSignal: signal };
  const input = { Bucket: bucket };
  const [versioning, encryption, lifecycle, cors, tags, block, policy] =
    await Promise.all([
      get('GetBucketVersioning', (c) =>
        c.send(new sdk.GetBucketVersioningCommand(input), options),
      ),
      get('GetBucketEncryption', (c) =>
        c.send(new sdk.GetBucketEncryptionCommand(input), options),
      ),
      get('GetBucketLifecycleConfiguration', (c) =>
        c.send(new sdk.GetBucketLifecycleConfigurationCommand(input), options),
      ),
      get('GetBucketCors', (c) =>
        c.send(new sdk.GetBucketCorsCommand(input), options),
      ),
      get('GetBucketTagging', (c) =>
        c.send(new sdk.GetBucketTaggingCommand(input), options),
      ),
      get('GetPublicAccessBlock', (c) =>
        c.send(new sdk.GetPublicAccessBlockCommand(input), options),
      ),
      get('GetBucketPolicy', (c) =>
        c.send(new sdk.GetBucketPolicyCommand(input), options),
      ),
    ]);
  const status = versioning?.Status;
  return {
    versioning:
      status === 'Enabled' || status === 'Suspended' ? status : undefined,
    encryption: encryption?.ServerSideEncryptionConfiguration,
    lifecycle: lifecycle?.Rules,
    cors: cors?.CORSRules,
    tags: tags?.TagSet,
    publicAccessBlock: block?.PublicAccessBlockConfiguration,
    policy: policy?.Policy,
  };
}

export type TargetNameCheck =
  | { readonly usable: true; readonly exists: boolean }
  | { readonly usable: false; readonly why: string };

/** The naming rules first, then HeadBucket: 404 is free, 403 is someone else's. */
export async function checkTargetName(
  factory: AwsClientFactory,
  name: string,
  signal?: AbortSignal,
): Promise<TargetNameCheck> {
  const problems = bucketNameProblems(name);
  if (problems.length > 0)
    return { usable: false, why: `it ${problems.join('; it ')}` };
  const { HeadBucketCommand } = await import('@aws-sdk/client-s3');
  const client = await factory.s3();
  try {
    await client.send(new HeadBucketCommand({ Bucket: name }), {
      abortSignal: signal,
    });
    return { usable: true, exists: true };
  } catch (error) {
    if (isAbortError(error)) throw error;
    const status = (error as { $metadata?: { httpStatusCode?: number } })
      .$metadata?.httpStatusCode;
    if (status === 404) return { usable: true, exists: false };
    if (status === 403)
      return {
        usable: false,
        why: 'the name is taken by another account (bucket names are global)',
      };
    throw error;
  }
}

/** Makes the target bucket unless it already exists, then applies each chosen step. */
export async function applyBucketConfig(
  factory: AwsClientFactory,
  plan: ConfigPlan,
  chosen: ReadonlySet<ConfigItem>,
  options: { readonly create: boolean },
): Promise<ConfigItem[]> {
  if (options.create) await makeBucket(factory, plan.target, plan.targetRegion);
  const sdk = await import('@aws-sdk/client-s3');
  const client = await factory.s3(plan.targetRegion);
  const Bucket = plan.target;
  const found = plan.configuration;
  const put = (operation: string, send: () => Promise<unknown>) =>
    s3Call(s3Context(factory, operation, Bucket), send);
  const applied: ConfigItem[] = [];
  for (const step of plan.steps) {
    if (!chosen.has(step.item)) continue;
    switch (step.item) {
      case 'versioning':
        await put('PutBucketVersioning', () =>
          client.send(
            new sdk.PutBucketVersioningCommand({
              Bucket,
              VersioningConfiguration: { Status: 'Enabled' },
            }),
          ),
        );
        break;
      case 'encryption':
        await put('PutBucketEncryption', () =>
          client.send(
            new sdk.PutBucketEncryptionCommand({
              Bucket,
              ServerSideEncryptionConfiguration: found.encryption,
            }),
          ),
        );
        break;
      case 'lifecycle':
        await put('PutBucketLifecycleConfiguration', () =>
          client.send(
            new sdk.PutBucketLifecycleConfigurationCommand({
              Bucket,
              LifecycleConfiguration: { Rules: [...(found.lifecycle ?? [])] },
            }),
          ),
        );
        break;
      case 'cors':
        await put('PutBucketCors', () =>
          client.send(
            new sdk.PutBucketCorsCommand({
              Bucket,
              CORSConfiguration: { CORSRules: [...(found.cors ?? [])] },
            }),
          ),
        );
        break;
      case 'tags':
        await put('PutBucketTagging', () =>
          client.send(
            new sdk.PutBucketTaggingCommand({
              Bucket,
              Tagging: { TagSet: [...(found.tags ?? [])] },
            }),
          ),
        );
        break;
      case 'publicAccessBlock':
        await put('PutPublicAccessBlock', () =>
          client.send(
            new sdk.PutPublicAccessBlockCommand({
              Bucket,
              PublicAccessBlockConfiguration: found.publicAccessBlock,
            }),
          ),
        );
        break;
      case 'policy':
        await put('PutBucketPolicy', () =>
          client.send(
            new sdk.PutBucketPolicyCommand({ Bucket, Policy: found.policy }),
          ),
        );
        break;
    }
    applied.push(step.item);
  }
  return applied;
}
