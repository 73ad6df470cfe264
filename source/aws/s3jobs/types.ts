/**
 * Copies handed to AWS (S3 Batch Operations jobs, DataSync task executions),
 * seen the same way: what runs, how far it got, what failed.
 */
export type HandoffEngine = 'batch' | 'datasync';

/** Whether the account lets opsdeck use an engine, and if not, what is missing. */
export interface EngineAccess {
  readonly allowed: boolean;
  readonly why: string;
}

/** Where the job is in its life, whichever engine runs it. */
export type CopyJobPhase = 'active' | 'done' | 'failed' | 'cancelled';

export interface CopyJob {
  readonly engine: HandoffEngine;
  /** A Batch Operations job ID, or a DataSync task execution ARN (a task's ARN before its first run). */
  readonly id: string;
  readonly name: string;
  /** The engine's own word: Active, Complete, TRANSFERRING... */
  readonly status: string;
  readonly phase: CopyJobPhase;
  readonly region: string;
  readonly created?: Date | undefined;
  readonly total?: number | undefined;
  readonly succeeded?: number | undefined;
  readonly failed?: number | undefined;
  readonly bytesDone?: number | undefined;
  readonly bytesTotal?: number | undefined;
  /** Why the job as a whole failed, as the engine says. */
  readonly failureReasons: readonly string[];
  /** The completion report's place (Batch Operations): bucket and key prefix. */
  readonly report?: { readonly bucket: string; readonly prefix: string };
}

export interface CopyJobList {
  readonly jobs: readonly CopyJob[];
  /** An engine that could not be listed, and why; the other's jobs are still shown. */
  readonly note?: string | undefined;
}

/** One row of a failure report: the object and what went wrong with it. */
export interface FailureRow {
  readonly key: string;
  readonly code: string;
  readonly message: string;
}

/** What a bucket holds, by CloudWatch's daily storage metrics. */
export interface StoredSize {
  readonly objects: number;
  readonly bytes: number;
  /** The day the figures are from. */
  readonly at: Date;
}

export interface ObjectRef {
  readonly key: string;
  readonly versionId?: string | undefined;
}

export interface BatchCopyRequest {
  readonly sourceBucket: string;
  readonly keys: readonly ObjectRef[];
  readonly targetBucket: string;
  /** The target bucket's region: the job runs there. */
  readonly targetRegion: string;
  readonly targetPrefix?: string | undefined;
  readonly roleArn: string;
  /** Where the manifest and the completion report go (a bucket in the target region). */
  readonly reportBucket: string;
  readonly priority: number;
}

export interface DataSyncCopyRequest {
  readonly sourceBucket: string;
  readonly sourcePrefix?: string | undefined;
  /** The source bucket's region: the task and both locations are made there. */
  readonly sourceRegion: string;
  readonly targetBucket: string;
  readonly targetPrefix?: string | undefined;
  readonly roleArn: string;
}

export interface S3JobsService {
  /** Batch Operations jobs and DataSync tasks of the session's region, newest first. */
  readonly list: (signal?: AbortSignal) => Promise<CopyJobList>;
  readonly status: (id: string, signal?: AbortSignal) => Promise<CopyJob>;
  /** The first rows of the job's failure report (empty when none failed). */
  readonly failures: (
    job: CopyJob,
    limit: number,
    signal?: AbortSignal,
  ) => Promise<FailureRow[]>;
  readonly cancel: (id: string) => Promise<CopyJob>;
  readonly createBatchCopy: (request: BatchCopyRequest) => Promise<CopyJob>;
  readonly createDataSyncCopy: (
    request: DataSyncCopyRequest,
  ) => Promise<CopyJob>;
  /** Which engine the account lets opsdeck use, and what is missing otherwise. */
  readonly access: (
    signal?: AbortSignal,
  ) => Promise<Record<HandoffEngine, EngineAccess>>;
  /** CloudWatch's daily NumberOfObjects and BucketSizeBytes; undefined when the bucket has none. */
  readonly storageMetrics: (
    bucket: string,
    region: string,
    signal?: AbortSignal,
  ) => Promise<StoredSize | undefined>;
}
