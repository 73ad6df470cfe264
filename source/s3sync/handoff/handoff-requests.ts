/**
 * What creating a handoff takes: the role each engine acts as (config, form
 * or flag), the report bucket, the requests made from the plan, and what the
 * sync would do that the engine will not. Pure.
 */
import type {
  BatchCopyRequest,
  DataSyncCopyRequest,
  EngineAccess,
  HandoffEngine,
} from '../../aws/s3jobs/types.js';
import type { HandoffSettings } from '../../config/handoff-schema.js';
import type { BucketCopyTotals } from '../copy/copy-totals.js';
import type { SyncSpec } from '../sync-spec.js';
import {
  batchKeyPrefix,
  type CopyPlaces,
  type PlannedCopies,
} from './copy-handoff.js';

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
