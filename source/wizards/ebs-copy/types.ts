/**
 * The region-copy wizard's contract with its callers (the Ink screens and the
 * `ebs-copy` subcommand): plain data only, so every state can be rendered,
 * compared in tests and written to the journal as JSON.
 */

import type {
  BucketConfiguration,
  ConfigItem,
} from '../../aws/s3/bucket-config/config-plan.js';

export type SourceKind =
  'instance' | 'volume' | 'snapshot' | 'image' | 'bucket';

export interface CopySource {
  readonly kind: SourceKind;
  readonly id: string;
  readonly region: string;
}

/** keep: as the source (encrypted copies use the target's default key); default: encrypt with the target's default key. */
export type Encryption =
  | { readonly mode: 'keep' }
  | { readonly mode: 'default' }
  | { readonly mode: 'kms'; readonly keyId: string };

export type TagChoice =
  | { readonly mode: 'all' }
  | { readonly mode: 'none' }
  | { readonly mode: 'only'; readonly keys: readonly string[] };

/** How a running instance is imaged: reboot (consistent), no-reboot (crash-consistent), stop first. */
export type Consistency = 'reboot' | 'no-reboot' | 'stop-first';

export interface InstanceOptions {
  readonly consistency: Consistency;
  /** Recreate the instance definition in the target and launch it. */
  readonly launch: boolean;
  readonly importKeyPair: boolean;
  readonly copySecurityGroups: boolean;
  readonly elasticIp: boolean;
  /** Target subnet; the default VPC's subnet in the AZ when left out. */
  readonly subnetId?: string;
}

/** A bucket source: the new bucket's name, and configuration items left out. */
export interface BucketOptions {
  readonly targetName: string;
  readonly skip: readonly ConfigItem[];
}

export interface CopyRequest {
  readonly source: CopySource;
  readonly target: {
    readonly region: string;
    /** Needed where something is created in a zone: a volume, an instance. */
    readonly az?: string;
    readonly encryption: Encryption;
  };
  readonly tags: TagChoice;
  /** Type of the volume created in the target; the source's when left out. */
  readonly volumeType?: string;
  readonly attachTo?: { readonly instanceId: string; readonly device: string };
  readonly instance?: InstanceOptions;
  /**
   * Image and instance sources: copy the image's snapshots and register
   * them in the target instead of CopyImage (see register-rules.ts).
   */
  readonly registerFromSnapshots?: boolean;
  readonly bucket?: BucketOptions;
  /** How long one wait may take before the run stops (it can be resumed). */
  readonly waitTimeoutMinutes?: number;
}

export type Severity = 'blocker' | 'warning' | 'info';

/** A pre-flight finding: what is wrong and what to do about it. */
export interface Problem {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

/** What pre-flight learnt about the source; kept in the journal (no secrets). */
export interface SourceFacts {
  readonly kind: SourceKind;
  readonly id: string;
  readonly region: string;
  readonly name: string;
  readonly state: string;
  /** GiB of EBS data to copy (provisioned sizes). */
  readonly sizeGiB: number;
  readonly encrypted: boolean;
  readonly tags: Readonly<Record<string, string>>;
  readonly volumeType?: string;
  readonly iops?: number;
  readonly throughput?: number;
  readonly instanceType?: string;
  readonly keyName?: string;
  readonly securityGroupIds?: readonly string[];
  readonly productCodes?: readonly string[];
  readonly image?: ImageAttributes;
  readonly bucket?: BucketFacts;
}

/** What the pre-flight read of a source bucket: its configuration and what its contents copy costs. */
export interface BucketFacts {
  /** As the source has it (the policy not yet rewritten). */
  readonly configuration: BucketConfiguration;
  /** The configuration items the source has, in plan order. */
  readonly items: readonly ConfigItem[];
  readonly objects: number;
  readonly bytes: number;
  readonly copyRequests: number;
  readonly listRequests: number;
}

/** What must match between a source image and its copy. */
export interface ImageAttributes {
  readonly architecture: string;
  readonly virtualization: string;
  readonly enaSupport: boolean;
  readonly bootMode: string;
  readonly platformDetails: string;
  readonly usageOperation: string;
}

export interface Preflight {
  readonly account: string | undefined;
  readonly facts: SourceFacts | undefined;
  readonly problems: readonly Problem[];
  /** False while any problem is a blocker. */
  readonly ok: boolean;
}
