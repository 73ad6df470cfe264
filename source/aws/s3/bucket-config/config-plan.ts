/**
 * What of a bucket's configuration is copied to its copy in another region,
 * planned without a call: one optional step per item that exists at the
 * source, each saying what it will set. The bucket policy names its own
 * bucket; those ARNs are rewritten to the target's, the rest left as is.
 */
import type {
  CORSRule,
  LifecycleRule,
  PublicAccessBlockConfiguration,
  ServerSideEncryptionConfiguration,
  Tag,
} from '@aws-sdk/client-s3';

/** What GetBucket* answered at the source; absent items are left out. */
export interface BucketConfiguration {
  readonly versioning?: 'Enabled' | 'Suspended' | undefined;
  readonly encryption?: ServerSideEncryptionConfiguration | undefined;
  readonly lifecycle?: readonly LifecycleRule[] | undefined;
  readonly cors?: readonly CORSRule[] | undefined;
  readonly tags?: readonly Tag[] | undefined;
  readonly publicAccessBlock?: PublicAccessBlockConfiguration | undefined;
  /** The policy document as S3 returns it (JSON text). */
  readonly policy?: string | undefined;
}

export type ConfigItem =
  | 'versioning'
  | 'encryption'
  | 'lifecycle'
  | 'cors'
  | 'tags'
  | 'publicAccessBlock'
  | 'policy';

export interface ConfigStep {
  readonly item: ConfigItem;
  readonly title: string;
  /** What the step sets on the target, in one line. */
  readonly sets: string;
  /** On unless something in it would not work in the target region. */
  readonly chosen: boolean;
  readonly warning?: string | undefined;
}

export interface ConfigPlan {
  readonly source: string;
  readonly target: string;
  readonly targetRegion: string;
  /** The configuration the steps apply (the policy already rewritten). */
  readonly configuration: BucketConfiguration;
  readonly steps: readonly ConfigStep[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The policy with every ARN of the source bucket (and its objects) naming the target. */
export function rewritePolicy(
  policy: string,
  source: string,
  target: string,
): string {
  return policy.replace(
    new RegExp(`(arn:aws[a-z-]*:s3:::)${escapeRegExp(source)}(?=$|[/"*])`, 'g'),
    `$1${target}`,
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function encryptionStep(
  encryption: ServerSideEncryptionConfiguration,
  targetRegion: string,
): ConfigStep {
  const rule = encryption.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
  const key = rule?.KMSMasterKeyID;
  const keyRegion = /^arn:[^:]+:kms:([^:]+):/.exec(key ?? '')?.[1];
  const foreignKey = keyRegion !== undefined && keyRegion !== targetRegion;
  return {
    item: 'encryption',
    title: 'Default encryption',
    sets: `${rule?.SSEAlgorithm ?? 'AES256'}${key === undefined ? '' : ` with key ${key}`}${encryption.Rules?.[0]?.BucketKeyEnabled === true ? ', bucket key on' : ''}`,
    chosen: !foreignKey,
    warning: foreignKey
      ? `the KMS key is in ${keyRegion}; S3 in ${targetRegion} needs a key of its own region: set it after the copy`
      : undefined,
  };
}

export function planBucketConfig(
  source: string,
  target: string,
  targetRegion: string,
  found: BucketConfiguration,
): ConfigPlan {
  const steps: ConfigStep[] = [];
  const configuration: BucketConfiguration = {
    ...found,
    ...(found.policy === undefined
      ? {}
      : { policy: rewritePolicy(found.policy, source, target) }),
  };
  // Suspended versioning on a new bucket is what it has anyway.
  if (found.versioning === 'Enabled')
    steps.push({
      item: 'versioning',
      title: 'Versioning',
      sets: 'Enabled',
      chosen: true,
    });
  if (found.encryption !== undefined)
    steps.push(encryptionStep(found.encryption, targetRegion));
  if (found.lifecycle !== undefined && found.lifecycle.length > 0)
    steps.push({
      item: 'lifecycle',
      title: 'Lifecycle rules',
      sets: `${plural(found.lifecycle.length, 'rule')}: ${found.lifecycle.map((rule) => rule.ID ?? '(no ID)').join(', ')}`,
      chosen: true,
    });
  if (found.cors !== undefined && found.cors.length > 0)
    steps.push({
      item: 'cors',
      title: 'CORS',
      sets: `${plural(found.cors.length, 'rule')}, origins ${[...new Set(found.cors.flatMap((rule) => rule.AllowedOrigins ?? []))].join(' ')}`,
      chosen: true,
    });
  if (found.tags !== undefined && found.tags.length > 0)
    steps.push({
      item: 'tags',
      title: 'Tags',
      sets: found.tags
        .map((tag) => `${tag.Key ?? ''}=${tag.Value ?? ''}`)
        .join(', '),
      chosen: true,
    });
  if (found.publicAccessBlock !== undefined) {
    const block = found.publicAccessBlock;
    const on = (
      [
        'BlockPublicAcls',
        'IgnorePublicAcls',
        'BlockPublicPolicy',
        'RestrictPublicBuckets',
      ] as const
    ).filter((flag) => block[flag] === true);
    steps.push({
      item: 'publicAccessBlock',
      title: 'Public access block',
      sets:
        on.length === 4
          ? 'all four settings on'
          : `on: ${on.join(', ') || 'none'}`,
      chosen: true,
    });
  }
  if (configuration.policy !== undefined) {
    const statements = (() => {
      try {
        const parsed = JSON.parse(configuration.policy) as {
          Statement?: unknown;
        };
        return Array.isArray(parsed.Statement) ? parsed.Statement.length : 1;
      } catch {
        return undefined;
      }
    })();
    steps.push({
      item: 'policy',
      title: 'Bucket policy',
      sets: `${statements === undefined ? 'a policy' : plural(statements, 'statement')}, arn:aws:s3:::${source} rewritten to arn:aws:s3:::${target}`,
      chosen: true,
    });
  }
  return { source, target, targetRegion, configuration, steps };
}

/** A name for the copy: the source's with the region's suffix, within 63 characters. */
export function suggestTargetName(source: string, region: string): string {
  const base = source.replace(/-(?:[a-z]{2}(?:-[a-z]+)+-\d{1,2})$/, '');
  const suffix = `-${region}`;
  return `${base.slice(0, 63 - suffix.length).replace(/[.-]+$/, '')}${suffix}`;
}
