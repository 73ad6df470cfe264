/**
 * From a bucket-to-bucket plan to AWS's engines: the planned keys kept for a
 * Batch Operations manifest, the copy's size for decideHandoff, what each
 * engine cannot do with this copy, and the requests that create the job.
 * Pure: the probes and the calls are the caller's.
 */
import { directoryPrefix } from '../../aws/s3/s3-uri.js';
import type {
  EngineAccess,
  HandoffEngine,
  ObjectRef,
} from '../../aws/s3jobs/types.js';
import type { HandoffSettings } from '../../config/handoff-schema.js';
import type { BucketCopyTotals } from '../copy/copy-totals.js';
import type { PlanItem } from '../plan-types.js';
import type { SyncSpec } from '../sync-spec.js';
import { decideHandoff, type HandoffDecision } from './decide.js';

/** The copies a plan makes, as a manifest names them. */
export interface PlannedCopies {
  readonly keys: ObjectRef[];
  largestBytes: number;
}

/** Both sides of a bucket copy, prefixes as the sync uses them ('' or ending in '/'). */
export interface CopyPlaces {
  readonly sourceBucket: string;
  readonly sourcePrefix: string;
  readonly targetBucket: string;
  readonly targetPrefix: string;
}

/** A bucket-to-bucket plan, as a handoff needs it. */
export interface PlannedBucketCopy {
  readonly spec: SyncSpec;
  readonly places: CopyPlaces;
  readonly totals: BucketCopyTotals;
  readonly planned: PlannedCopies;
  readonly deletes: number;
}

export function copyPlaces(spec: SyncSpec): CopyPlaces | undefined {
  const { source, destination } = spec;
  if (source.kind !== 's3' || destination.kind !== 's3') return undefined;
  return {
    sourceBucket: source.bucket,
    sourcePrefix: directoryPrefix(source.prefix),
    targetBucket: destination.bucket,
    targetPrefix: directoryPrefix(destination.prefix),
  };
}

export function newPlannedCopies(): PlannedCopies {
  return { keys: [], largestBytes: 0 };
}

/** Keeps a plan item's source key when it is a copy. */
export function notePlannedCopy(
  planned: PlannedCopies,
  places: CopyPlaces,
  item: PlanItem,
): void {
  if (item.action !== 'copy') return;
  planned.keys.push({
    key: item.source?.key ?? places.sourcePrefix + item.rel,
  });
  planned.largestBytes = Math.max(planned.largestBytes, item.bytes);
}

/**
 * Batch Operations puts each copy at TargetKeyPrefix + the whole source key,
 * so it can only land where the sync would when the target prefix ends with
 * the source prefix; the rest of the target prefix is what it prepends.
 */
export function batchKeyPrefix(places: CopyPlaces): string | undefined {
  const { sourcePrefix, targetPrefix } = places;
  if (!targetPrefix.endsWith(sourcePrefix)) return undefined;
  return targetPrefix.slice(0, targetPrefix.length - sourcePrefix.length);
}

/** S3 CopyObject, which Batch Operations' S3PutObjectCopy uses, stops at 5 GiB. */
const BATCH_COPY_MAX_BYTES = 5 * 2 ** 30;

/** What this copy asks of each engine, whatever the account allows. */
export function copyFits(
  places: CopyPlaces,
  planned: PlannedCopies,
): Record<HandoffEngine, EngineAccess> {
  const datasync = { allowed: true, why: '' };
  if (batchKeyPrefix(places) === undefined)
    return {
      datasync,
      batch: {
        allowed: false,
        why: `it keeps each source key whole: s3://${places.sourceBucket}/${places.sourcePrefix}x would land at s3://${places.targetBucket}/${places.targetPrefix}${places.sourcePrefix}x`,
      },
    };
  if (planned.largestBytes > BATCH_COPY_MAX_BYTES)
    return {
      datasync,
      batch: {
        allowed: false,
        why: 'objects over 5 GiB are in the plan, and its copy (CopyObject) stops at 5 GiB',
      },
    };
  return { datasync, batch: { allowed: true, why: '' } };
}

/** The account's answer, narrowed by what this copy needs of each engine. */
function copyAccess(
  access: Readonly<Record<HandoffEngine, EngineAccess>>,
  places: CopyPlaces,
  planned: PlannedCopies,
): Record<HandoffEngine, EngineAccess> {
  const fits = copyFits(places, planned);
  return {
    batch: fits.batch.allowed ? access.batch : fits.batch,
    datasync: access.datasync,
  };
}

/** Whether the plan should go to AWS's engines, measured by the listing the plan made. */
export function offerHandoff(
  totals: BucketCopyTotals,
  planned: PlannedCopies,
  places: CopyPlaces,
  settings: Pick<HandoffSettings, 'minObjects' | 'minBytes'>,
  access: Readonly<Record<HandoffEngine, EngineAccess>>,
): HandoffDecision {
  return decideHandoff(
    {
      objects: totals.objects,
      bytes: totals.bytes,
      crossRegion: totals.crossRegion,
      largestObjectBytes: planned.largestBytes,
      measuredBy: 'listing',
    },
    { minObjects: settings.minObjects, minBytes: settings.minBytes },
    copyAccess(access, places, planned),
  );
}
