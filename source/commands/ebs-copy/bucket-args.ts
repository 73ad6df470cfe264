/** `opsdeck ebs-copy --bucket` flags to a copy request. Pure. */
import {
  suggestTargetName,
  type ConfigItem,
} from '../../aws/s3/bucket-config/config-plan.js';
import { CONFIG_ITEMS } from '../../wizards/ebs-copy/bucket/bucket-plan.js';
import type { CopyRequest } from '../../wizards/ebs-copy/types.js';
import { UsageError } from '../command-io.js';

/** The flags a bucket copy reads: its own, and those it refuses. */
export interface BucketFlags {
  readonly bucket?: string;
  readonly to?: string;
  readonly sourceRegion?: string;
  readonly targetBucket?: string;
  readonly skipConfig?: string;
  readonly timeout?: string;
  readonly az?: string;
  readonly encrypt?: string;
  readonly tags?: string;
  readonly volumeType?: string;
  readonly attach?: string;
  readonly consistency?: string;
  readonly launch?: boolean;
  readonly elasticIp?: boolean;
  readonly subnet?: string;
  readonly registerSnapshots?: boolean;
}

/** The names --skip-config takes: the items in kebab case. */
const SKIP_NAMES: ReadonlyMap<string, ConfigItem> = new Map(
  CONFIG_ITEMS.map((item) => [
    item.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
    item,
  ]),
);

/** Flags of the volume and instance paths that mean nothing for a bucket. */
const NOT_FOR_BUCKETS = [
  ['az', '--az'],
  ['encrypt', '--encrypt'],
  ['tags', '--tags'],
  ['volumeType', '--volume-type'],
  ['attach', '--attach'],
  ['consistency', '--consistency'],
  ['launch', '--launch'],
  ['elasticIp', '--elastic-ip'],
  ['subnet', '--subnet'],
  ['registerSnapshots', '--register-snapshots'],
] as const;

export function bucketRequest(
  flags: BucketFlags,
  sessionRegion: string,
): CopyRequest {
  const misplaced = NOT_FOR_BUCKETS.filter(([key]) => flags[key] !== undefined);
  if (misplaced.length > 0)
    throw new UsageError(
      `${misplaced.map(([, flag]) => flag).join(', ')} do not apply to --bucket`,
    );
  if (flags.to === undefined)
    throw new UsageError('--to REGION is required: the region to copy to');
  const skip = (flags.skipConfig ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const item = SKIP_NAMES.get(name);
      if (item === undefined)
        throw new UsageError(
          `--skip-config ${name} is not one of ${[...SKIP_NAMES.keys()].join(', ')}`,
        );
      return item;
    });
  const timeout =
    flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0))
    throw new UsageError('--timeout takes minutes, e.g. --timeout 360');
  return {
    source: {
      kind: 'bucket',
      id: flags.bucket ?? '',
      region: flags.sourceRegion ?? sessionRegion,
    },
    target: { region: flags.to, encryption: { mode: 'keep' } },
    tags: { mode: 'all' },
    ...(timeout === undefined ? {} : { waitTimeoutMinutes: timeout }),
    bucket: {
      targetName:
        flags.targetBucket ?? suggestTargetName(flags.bucket ?? '', flags.to),
      skip,
    },
  };
}
