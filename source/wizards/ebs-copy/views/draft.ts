/** The wizard's choices so far, and the copy request they make once complete. Pure. */
import { suggestTargetName } from '../../../aws/s3/bucket-config/config-plan.js';
import type { ConfigItem } from '../../../aws/s3/bucket-config/config-plan.js';
import type {
  CopyRequest,
  CopySource,
  Encryption,
  InstanceOptions,
  TagChoice,
} from '../types.js';

export interface Draft {
  readonly source?: CopySource;
  readonly targetRegion?: string;
  readonly az?: string;
  readonly encryption: Encryption;
  readonly tags: TagChoice;
  readonly volumeType?: string;
  readonly attachTo?: { readonly instanceId: string; readonly device: string };
  readonly instance: InstanceOptions;
  readonly registerFromSnapshots?: boolean;
  /** A bucket source: the new bucket's name (suggested until edited) and the items left out. */
  readonly bucket?: {
    readonly targetName?: string;
    readonly skip: readonly ConfigItem[];
  };
}

export const DEFAULT_INSTANCE_OPTIONS: InstanceOptions = {
  consistency: 'reboot',
  launch: false,
  importKeyPair: true,
  copySecurityGroups: true,
  elasticIp: false,
};

/** The request a complete draft makes; undefined while a choice is missing. */
export function requestOf(draft: Draft): CopyRequest | undefined {
  if (draft.source === undefined || draft.targetRegion === undefined)
    return undefined;
  return {
    source: draft.source,
    target: {
      region: draft.targetRegion,
      encryption: draft.encryption,
      ...(draft.az === undefined ? {} : { az: draft.az }),
    },
    tags: draft.tags,
    ...(draft.volumeType === undefined ? {} : { volumeType: draft.volumeType }),
    ...(draft.attachTo === undefined ? {} : { attachTo: draft.attachTo }),
    ...(draft.source.kind === 'instance' ? { instance: draft.instance } : {}),
    ...(draft.registerFromSnapshots === true
      ? { registerFromSnapshots: true }
      : {}),
    ...(draft.source.kind === 'bucket'
      ? {
          bucket: {
            targetName:
              draft.bucket?.targetName ??
              suggestTargetName(draft.source.id, draft.targetRegion),
            skip: draft.bucket?.skip ?? [],
          },
        }
      : {}),
  };
}
