/** What a sync is asked to do and what it reports: plain data for the UI and the CLI. */
import type { ProgressSnapshot } from '../jobs/progress.js';
import type { FilterRule } from './plan/filters.js';
import type { BucketCopyTotals } from './copy/copy-totals.js';
import type {
  CompareMode,
  PlanAction,
  PlanItem,
  SyncDirection,
} from './plan-types.js';
import type { SkipCounts } from './skip-kinds.js';

export type SyncEndpoint =
  | { readonly kind: 'local'; readonly path: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string };

export interface SyncSpec {
  readonly source: SyncEndpoint;
  readonly destination: SyncEndpoint;
  readonly mode?: CompareMode;
  readonly delete?: boolean;
  readonly maxDelete?: number;
  /** Let --delete empty the destination when the source has nothing. */
  readonly allowEmptySource?: boolean;
  readonly dryRun?: boolean;
  readonly filters?: readonly FilterRule[];
  /** Files in flight (default 16). */
  readonly concurrency?: number;
  /** Parts in flight: per file for uploads, in total for ranged downloads (default 8). */
  readonly partConcurrency?: number;
  readonly multipartThreshold?: number;
  readonly partSize?: number;
  /** Remote key ranges listed ahead (default 8). */
  readonly listParallel?: number;
  /** Bucket copies: the copies' storage class (default: each source object's). */
  readonly storageClass?: string;
  /** Bucket copies: server-side encryption (default: the destination bucket's). */
  readonly sse?: string;
  readonly sseKmsKeyId?: string;
}

export interface SyncHooks {
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: ProgressSnapshot) => void;
  /** Every plan item as it is planned (dry run: the plan itself). */
  readonly onPlanned?: (item: PlanItem) => void;
  /** A transfer or deletion finished; `error` when it failed. */
  readonly onDone?: (item: PlanItem, error?: string) => void;
  readonly onWarning?: (rel: string, message: string) => void;
}

export interface SyncResult {
  readonly direction: SyncDirection;
  readonly dryRun: boolean;
  readonly cancelled: boolean;
  /** Planned items by action. */
  readonly planned: Readonly<Record<PlanAction, number>>;
  readonly plannedBytes: number;
  /** The planned skips by why: unchanged, kept at the destination, other. */
  readonly skipped: Readonly<SkipCounts>;
  readonly uploaded: number;
  readonly downloaded: number;
  readonly copied: number;
  readonly deleted: number;
  readonly bytes: number;
  readonly failed: readonly { rel: string; message: string }[];
  readonly failedCount: number;
  readonly warningCount: number;
  /** Why the planned deletions did not run. */
  readonly deletesRefused: string | undefined;
  /** Multipart uploads of an earlier, killed run that were aborted. */
  readonly leftoverUploadsAborted: number;
  /** Partial downloads of an earlier, killed run that were removed. */
  readonly partialsRemoved: number;
  readonly seconds: number;
  /** Bucket copies: what the plan copies and what that costs. */
  readonly copyTotals?: BucketCopyTotals;
}
