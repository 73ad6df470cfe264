/**
 * The plan of a bucket source: make the target bucket, apply each chosen
 * configuration item the source has (one journalled step each), then copy
 * the contents by the bucket-to-bucket sync. Pure.
 */
import {
  planBucketConfig,
  suggestTargetName,
  type ConfigItem,
  type ConfigPlan,
} from '../../../aws/s3/bucket-config/config-plan.js';
import { formatBytes } from '../../../lib/byte-size.js';
import type { BucketConfigStep, PlanStep } from '../run-types.js';
import type { CopyRequest, SourceFacts } from '../types.js';

/** Every item, in the order the plan applies them. */
export const CONFIG_ITEMS: readonly ConfigItem[] = [
  'versioning',
  'encryption',
  'lifecycle',
  'cors',
  'tags',
  'publicAccessBlock',
  'policy',
];

const CONFIG_STEPS: Readonly<Record<ConfigItem, BucketConfigStep>> = {
  versioning: 'bucket-versioning',
  encryption: 'bucket-encryption',
  lifecycle: 'bucket-lifecycle',
  cors: 'bucket-cors',
  tags: 'bucket-tags',
  publicAccessBlock: 'bucket-public-access-block',
  policy: 'bucket-policy',
};

export const CONFIG_LABELS: Readonly<Record<ConfigItem, string>> = {
  versioning: 'versioning',
  encryption: 'default encryption',
  lifecycle: 'lifecycle rules',
  cors: 'CORS',
  tags: 'tags',
  publicAccessBlock: 'public access block',
  policy: 'bucket policy',
};

/** The item a configuration step applies; undefined for other steps. */
export function configItemOf(stepId: string): ConfigItem | undefined {
  return CONFIG_ITEMS.find((item) => CONFIG_STEPS[item] === stepId);
}

/** The target bucket's name: the one asked for, else the suggestion. */
export function targetBucketName(request: CopyRequest): string {
  return (
    request.bucket?.targetName ??
    suggestTargetName(request.source.id, request.target.region)
  );
}

/** What the configuration steps apply, the policy naming the target. */
export function bucketConfigPlan(
  request: CopyRequest,
  facts: SourceFacts,
): ConfigPlan {
  return planBucketConfig(
    request.source.id,
    targetBucketName(request),
    request.target.region,
    facts.bucket?.configuration ?? {},
  );
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

export function buildBucketPlan(
  request: CopyRequest,
  facts: SourceFacts,
): PlanStep[] {
  const to = request.target.region;
  const target = targetBucketName(request);
  const skip = new Set(request.bucket?.skip ?? []);
  const config = bucketConfigPlan(request, facts);
  const contents = facts.bucket;
  return [
    {
      id: 'create-bucket',
      region: to,
      title: `Create bucket ${target} in ${to}`,
      creates: [
        {
          type: 'bucket',
          region: to,
          intermediate: false,
          note: `${target}, empty until the contents are copied`,
        },
      ],
    },
    // An item that cannot work in the target (a KMS key of another region) is
    // left out; the pre-flight warns about it.
    ...config.steps
      .filter((step) => step.chosen && !skip.has(step.item))
      .map((step): PlanStep => ({
        id: CONFIG_STEPS[step.item],
        region: to,
        title: `${step.title}: ${step.sets}`,
        creates: [],
      })),
    {
      id: 'copy-contents',
      region: to,
      title:
        contents === undefined
          ? `Copy the contents to ${target}`
          : `Copy ${plural(contents.objects, 'object')} (${formatBytes(contents.bytes)}) to ${target}, server-side: ${plural(contents.copyRequests, 'copy request')}${request.source.region === to ? '' : `, ${formatBytes(contents.bytes)} billed between regions`}`,
      creates: [],
    },
  ];
}

/** The configuration items the source has that the request leaves out. */
export function skippedItems(
  request: CopyRequest,
  facts: SourceFacts,
): ConfigItem[] {
  const skip = new Set(request.bucket?.skip ?? []);
  return (facts.bucket?.items ?? []).filter((item) => skip.has(item));
}
