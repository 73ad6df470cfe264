/**
 * From a bucket-to-bucket plan to AWS's engines: the planned keys kept for a
 * Batch Operations manifest, the copy's size for decideHandoff, what each
 * engine cannot do with this copy, and the requests that create the job.
 * Pure: the probes and the calls are the caller's.
 */
import { directoryPrefix } from '../../aws/s3/s3-uri.js';
import type {
  BatchCopyRequest,
  DataSyncCopyRequest,
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
function batchKeyPrefix(places: CopyPlaces): string | undefined {
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

/** The role an engine acts as, from the config. */
export function configuredRole(
  engine: HandoffEngine,
  settings: HandoffSettings,
): string | undefined {
  return engine === 'batch' ? settings.batchRoleArn : settings.dataSyncRoleArn;
}

/**
 * The account's answer, with an engine that lacks only its role saying where
 * else the role can come from (a form field, a flag).
 */
export function roleAskedBy(
  access: Readonly<Record<HandoffEngine, EngineAccess>>,
  settings: HandoffSettings,
  how: string,
): Record<HandoffEngine, EngineAccess> {
  const asked = (engine: HandoffEngine): EngineAccess =>
    configuredRole(engine, settings) === undefined
      ? {
          allowed: false,
          why: `no IAM role: ${how}, or set ${roleSetting(engine)} in config.yaml`,
        }
      : access[engine];
  return { batch: asked('batch'), datasync: asked('datasync') };
}

/** The config key that names an engine's role, for messages. */
export function roleSetting(engine: HandoffEngine): string {
  return engine === 'batch'
    ? 'handoff.batchRoleArn'
    : 'handoff.dataSyncRoleArn';
}

/**
 * Where the manifest and the report go: the config's bucket, else the target
 * bucket, which is in the job's region (the target's), and not the source,
 * whose next copy would carry them along.
 */
export function defaultReportBucket(
  places: CopyPlaces,
  settings: HandoffSettings,
): string {
  return settings.reportBucket ?? places.targetBucket;
}

export function batchRequest(
  places: CopyPlaces,
  totals: BucketCopyTotals,
  planned: PlannedCopies,
  given: {
    readonly roleArn: string;
    readonly reportBucket: string;
    readonly priority: number;
  },
): BatchCopyRequest {
  const prefix = batchKeyPrefix(places) ?? '';
  return {
    sourceBucket: places.sourceBucket,
    keys: planned.keys,
    targetBucket: places.targetBucket,
    targetRegion: totals.destinationRegion,
    ...(prefix === '' ? {} : { targetPrefix: prefix }),
    roleArn: given.roleArn,
    reportBucket: given.reportBucket,
    priority: given.priority,
  };
}

export function dataSyncRequest(
  places: CopyPlaces,
  totals: BucketCopyTotals,
  roleArn: string,
): DataSyncCopyRequest {
  return {
    sourceBucket: places.sourceBucket,
    ...(places.sourcePrefix === ''
      ? {}
      : { sourcePrefix: places.sourcePrefix }),
    sourceRegion: totals.sourceRegion,
    targetBucket: places.targetBucket,
    ...(places.targetPrefix === ''
      ? {}
      : { targetPrefix: places.targetPrefix }),
    roleArn,
  };
}

/** What the sync would do that the engine will not: said before the user says yes. */
export function handoffCaveats(
  engine: HandoffEngine,
  spec: SyncSpec,
  plannedDeletes: number,
): string[] {
  const caveats: string[] = [];
  if (plannedDeletes > 0)
    caveats.push(
      `the ${plannedDeletes} planned deletions are not made: run the sync with delete afterwards`,
    );
  if (engine === 'datasync' && (spec.filters ?? []).length > 0)
    caveats.push(
      'DataSync copies what differs under the whole prefix: the exclude rules are not passed on',
    );
  if (engine === 'datasync')
    caveats.push(
      'DataSync compares by itself: it may copy more or less than this plan',
    );
  return caveats;
}
