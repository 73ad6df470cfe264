/**
 * The region-copy run's data: plan steps, the journal and its records, the
 * events a run sends and its summary. Plain data, written to the journal
 * as JSON.
 */
import type { CopyRequest, CopySource, SourceFacts } from './types.js';

export type ResourceType =
  | 'snapshot'
  | 'image'
  | 'volume'
  | 'instance'
  | 'key-pair'
  | 'security-group'
  | 'elastic-ip'
  | 'bucket';

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
  | 'elastic-ip'
  | 'create-bucket'
  | BucketConfigStep
  | 'copy-contents';

/** One step per configuration item of a bucket source. */
export type BucketConfigStep =
  | 'bucket-versioning'
  | 'bucket-encryption'
  | 'bucket-lifecycle'
  | 'bucket-cors'
  | 'bucket-tags'
  | 'bucket-public-access-block'
  | 'bucket-policy';

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

/**
 * A run as listed: a journal that says running while no live process holds
 * its lock was killed mid-step (a lost SSH session, a kill -9).
 */
export type ListedRunState = RunState | 'interrupted';

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
  readonly state: ListedRunState;
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
  /** A bucket source's run: the two buckets a catch-up sync goes between. */
  readonly catchUp?: { readonly source: string; readonly target: string };
}
