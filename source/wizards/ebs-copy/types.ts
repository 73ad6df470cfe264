/**
 * The region-copy wizard's contract with its callers (the Ink screens and the
 * `ebs-copy` subcommand): plain data only, so every state can be rendered,
 * compared in tests and written to the journal as JSON.
 */

export type SourceKind = 'instance' | 'volume' | 'snapshot' | 'image';

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

export type ResourceType =
  | 'snapshot'
  | 'image'
  | 'volume'
  | 'instance'
  | 'key-pair'
  | 'security-group'
  | 'elastic-ip';

export interface PlannedResource {
  readonly type: ResourceType;
  readonly region: string;
  /** Only needed on the way (a snapshot of the source, ...); cleanup can remove it. */
  readonly intermediate: boolean;
  readonly note: string;
}

export type StepKind =
  | 'stop-source'
  | 'snapshot-source'
  | 'copy-snapshot'
  | 'create-volume'
  | 'attach-volume'
  | 'create-image'
  | 'copy-image'
  | 'copy-snapshots'
  | 'register-image'
  | 'check-image'
  | 'import-key'
  | 'copy-security-groups'
  | 'run-instance'
  | 'elastic-ip';

export interface PlanStep {
  /** Unique in a run; also part of client tokens and the step tag. */
  readonly id: StepKind;
  readonly region: string;
  readonly title: string;
  readonly creates: readonly PlannedResource[];
}

export interface CreatedResource {
  readonly type: ResourceType;
  readonly id: string;
  readonly region: string;
  readonly intermediate: boolean;
  readonly cleanedUp?: boolean;
}

export type StepStatus = 'pending' | 'running' | 'done' | 'failed';

export interface StepRecord {
  readonly status: StepStatus;
  readonly clientToken?: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly created: readonly CreatedResource[];
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly error?: string;
}

export type RunState = 'planned' | 'running' | 'failed' | 'cancelled' | 'done';

export interface Journal {
  readonly version: 1;
  readonly runId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly state: RunState;
  readonly account?: string;
  readonly request: CopyRequest;
  readonly facts: SourceFacts;
  readonly plan: readonly PlanStep[];
  readonly steps: Readonly<Record<string, StepRecord>>;
  readonly error?: string;
}

/** One line of `--list` / `:migrations`. */
export interface RunListing {
  readonly runId: string;
  readonly state: RunState;
  readonly source: CopySource;
  readonly targetRegion: string;
  readonly updatedAt: string;
  /** "3/5 steps" */
  readonly stepsDone: number;
  readonly stepsTotal: number;
  readonly error?: string;
}

export type RunEvent =
  | {
      readonly type: 'step-started';
      readonly stepId: StepKind;
      readonly title: string;
    }
  | {
      readonly type: 'step-progress';
      readonly stepId: StepKind;
      /** 0..100 when EC2 says. */
      readonly percent: number | undefined;
      readonly state: string;
      readonly detail: string;
    }
  | {
      readonly type: 'resource-created' | 'resource-found';
      readonly stepId: StepKind;
      readonly resource: CreatedResource;
    }
  | { readonly type: 'step-done'; readonly stepId: StepKind }
  | {
      readonly type: 'step-skipped';
      readonly stepId: StepKind;
      readonly reason: string;
    };

export interface RunSummary {
  readonly runId: string;
  readonly state: RunState;
  /** What now exists in the target region. */
  readonly target: readonly CreatedResource[];
  /** Intermediate resources left behind (source region, and copies the result no longer needs). */
  readonly leftovers: readonly CreatedResource[];
  readonly notes: readonly string[];
}
