/** `opsdeck ebs-copy` flags to a copy request, with usage errors that say what is expected. Pure. */
import type {
  Consistency,
  CopyRequest,
  CopySource,
  Encryption,
  TagChoice,
} from '../../wizards/ebs-copy/types.js';
import { UsageError } from '../command-io.js';
import { bucketRequest } from './bucket-args.js';

export interface EbsCopyFlags {
  readonly instance?: string;
  readonly volume?: string;
  readonly snapshot?: string;
  readonly image?: string;
  readonly to?: string;
  readonly sourceRegion?: string;
  readonly az?: string;
  readonly encrypt?: string;
  readonly tags?: string;
  readonly volumeType?: string;
  readonly attach?: string;
  readonly consistency?: string;
  readonly launch?: boolean;
  readonly key?: boolean;
  readonly securityGroups?: boolean;
  readonly elasticIp?: boolean;
  readonly subnet?: string;
  readonly registerSnapshots?: boolean;
  readonly timeout?: string;
  readonly bucket?: string;
  readonly targetBucket?: string;
  readonly skipConfig?: string;
}

export function requestFromFlags(
  flags: EbsCopyFlags,
  sessionRegion: string,
): CopyRequest {
  const given = (
    ['instance', 'volume', 'snapshot', 'image', 'bucket'] as const
  ).filter((kind) => flags[kind] !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      'give exactly one of --instance, --volume, --snapshot, --image or --bucket (or --resume RUN, or --list)',
    );
  if (given[0] === 'bucket') return bucketRequest(flags, sessionRegion);
  if (flags.targetBucket !== undefined || flags.skipConfig !== undefined)
    throw new UsageError(
      '--target-bucket and --skip-config apply to --bucket only',
    );
  const kind = given[0] ?? 'volume';
  const region = flags.sourceRegion ?? sessionRegion;
  const source: CopySource = { kind, id: flags[kind] ?? '', region };
  if (flags.to === undefined)
    throw new UsageError('--to REGION is required: the region to copy to');
  const encryption: Encryption =
    flags.encrypt === undefined
      ? { mode: 'keep' }
      : flags.encrypt === 'default'
        ? { mode: 'default' }
        : { mode: 'kms', keyId: flags.encrypt };
  const tags: TagChoice =
    flags.tags === undefined || flags.tags === 'all'
      ? { mode: 'all' }
      : flags.tags === 'none'
        ? { mode: 'none' }
        : {
            mode: 'only',
            keys: flags.tags
              .split(',')
              .map((key) => key.trim())
              .filter((key) => key !== ''),
          };
  let attachTo: CopyRequest['attachTo'];
  if (flags.attach !== undefined) {
    const [instanceId = '', device = ''] = flags.attach.split(':');
    if (instanceId === '' || device === '')
      throw new UsageError(
        '--attach takes INSTANCE:DEVICE, e.g. i-0123456789abcdef0:/dev/sdf',
      );
    attachTo = { instanceId, device };
  }
  const consistency = (flags.consistency ?? 'reboot') as Consistency;
  if (!['reboot', 'no-reboot', 'stop-first'].includes(consistency))
    throw new UsageError('--consistency is reboot, no-reboot or stop-first');
  if (
    flags.registerSnapshots === true &&
    kind !== 'instance' &&
    kind !== 'image'
  )
    throw new UsageError(
      '--register-snapshots applies to --instance and --image only',
    );
  if (
    kind !== 'instance' &&
    (flags.launch === true ||
      flags.elasticIp === true ||
      flags.subnet !== undefined)
  )
    throw new UsageError(
      '--launch, --elastic-ip and --subnet apply to --instance only',
    );
  const timeout =
    flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0))
    throw new UsageError('--timeout takes minutes, e.g. --timeout 360');
  return {
    source,
    target: {
      region: flags.to,
      encryption,
      ...(flags.az === undefined ? {} : { az: flags.az }),
    },
    tags,
    ...(flags.volumeType === undefined ? {} : { volumeType: flags.volumeType }),
    ...(attachTo === undefined ? {} : { attachTo }),
    ...(timeout === undefined ? {} : { waitTimeoutMinutes: timeout }),
    ...(flags.registerSnapshots === true
      ? { registerFromSnapshots: true }
      : {}),
    ...(kind === 'instance'
      ? {
          instance: {
            consistency,
            launch: flags.launch === true,
            importKeyPair: flags.key !== false,
            copySecurityGroups: flags.securityGroups !== false,
            elasticIp: flags.elasticIp === true,
            ...(flags.subnet === undefined ? {} : { subnetId: flags.subnet }),
          },
        }
      : {}),
  };
}
