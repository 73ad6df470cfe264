/**
 * A sync between a local directory and a bucket prefix, either way: the
 * local walk, the remote listing (in key ranges learnt from the local walk)
 * and the planner stream into the executor; deletions run last, guarded.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { mkdir, unlink } from 'node:fs/promises';
import { createLimiter } from '../aws/s3/limiter.js';
import type { S3Context } from '../aws/s3/s3-errors.js';
import { directoryPrefix } from '../aws/s3/s3-uri.js';
import { UserError } from '../lib/errors.js';
import { drivePlan, finishDeletes, linkedSignal } from './drive-plan.js';
import { createExecutor } from './transfer/executor.js';
import {
  openDirectRequests,
  type DirectRequests,
} from './transfer/direct-requests.js';
import { createPathFilter } from './plan/filters.js';
import { cleanLeftoverUploads } from './transfer/leftover-uploads.js';
import { localEtagLike } from './plan/multipart-etag.js';
import { planSync } from './plan/planner.js';
import { createProgressTracker } from './transfer/progress-tracker.js';
import { openListings } from './plan/sync-listings.js';
import type { SyncHooks, SyncResult, SyncSpec } from './sync-spec.js';
import { MiB } from './transfer/upload-file.js';
import type { UploadJournal } from './transfer/upload-journal.js';

export interface SyncDeps {
  readonly client: S3Client;
  readonly journal?: UploadJournal;
  /**
   * Writes are allowed (the caller checked read-only mode, which the SDK's
   * middleware enforces): small uploads may then go around the SDK.
   */
  readonly directUploads?: boolean;
  readonly context: (
    operation: string,
    bucket: string,
    key?: string,
  ) => S3Context;
}

/**
 * A sync keeps 16 files in flight, which fills the link without splitting
 * mid-sized objects; every ranged GET is one more signed request (rclone
 * splits from 250 MiB). Single-object `get` still splits from 16 MiB.
 */
const RANGED_DOWNLOAD_THRESHOLD = 64 * MiB;

export async function runSync(
  spec: SyncSpec,
  deps: SyncDeps,
  hooks: SyncHooks,
): Promise<SyncResult> {
  const direct = await openDirectRequests(
    deps.client,
    spec,
    deps.directUploads === true,
  );
  try {
    return await syncWith(spec, deps, hooks, direct);
  } finally {
    direct.close();
  }
}

async function syncWith(
  spec: SyncSpec,
  deps: SyncDeps,
  hooks: SyncHooks,
  direct: DirectRequests,
): Promise<SyncResult> {
  const started = Date.now();
  const { source, destination } = spec;
  const up = source.kind === 'local' && destination.kind === 's3';
  const down = source.kind === 's3' && destination.kind === 'local';
  if (!up && !down)
    throw new UserError(
      'sync goes between a local directory and s3://bucket/prefix',
      {
        hint: 'one side must be a local directory, the other an s3:// location',
      },
    );
  const local = (up ? source : destination) as { path: string };
  const remoteSide = (up ? destination : source) as {
    bucket: string;
    prefix: string;
  };
  const bucket = remoteSide.bucket;
  const prefix = directoryPrefix(remoteSide.prefix);
  const dryRun = spec.dryRun === true;
  const signal = linkedSignal(hooks.signal);
  const listParallel = spec.listParallel ?? 8;
  const partSize = spec.partSize ?? 8 * MiB;

  let leftoverUploadsAborted = 0;
  if (up && !dryRun && deps.journal)
    leftoverUploadsAborted = await cleanLeftoverUploads(
      deps.client,
      bucket,
      deps.journal,
      signal,
    );
  if (down && !dryRun) await mkdir(local.path, { recursive: true });

  const listings = await openListings({
    client: deps.client,
    direct: direct.list,
    local: local.path,
    bucket,
    prefix,
    up,
    dryRun,
    signal,
    listParallel,
  });
  const { walkReport } = listings;
  const plan = planSync({
    local: listings.local,
    remote: listings.remote,
    root: local.path,
    filter: createPathFilter(spec.filters ?? []),
    direction: up ? 'up' : 'down',
    mode: spec.mode ?? 'default',
    delete: spec.delete === true,
    localEtag: (entry, etag) =>
      localEtagLike(entry.path, entry.size, etag, signal),
  });

  const tracker = createProgressTracker(hooks.onProgress);
  const executor = createExecutor(
    {
      client: deps.client,
      bucket,
      prefix,
      root: local.path,
      direction: up ? 'up' : 'down',
      files: spec.concurrency ?? 16,
      parts: createLimiter(spec.partConcurrency ?? 8),
      partsPerFile: spec.partConcurrency ?? 4,
      rangedThreshold: spec.multipartThreshold ?? RANGED_DOWNLOAD_THRESHOLD,
      direct: direct.get,
      directPut: direct.put,
      multipartThreshold: spec.multipartThreshold ?? 16 * MiB,
      partSize,
      journal: deps.journal,
      context: (operation, key) => deps.context(operation, bucket, key),
    },
    tracker,
    signal,
    hooks.onDone,
  );

  const run = await drivePlan(plan, executor, {
    dryRun,
    signal,
    hooks,
    listing: () => deps.context('ListObjectsV2', bucket, prefix),
  });
  for (const warning of walkReport.warnings) {
    run.warningCount++;
    hooks.onWarning?.(warning.rel, warning.message);
  }
  const deletesRefused = await finishDeletes(run, executor, {
    dryRun,
    maxDelete: spec.maxDelete,
    sourceCount: up ? walkReport.files : listings.remoteCount(),
    allowEmptySource: spec.allowEmptySource === true,
    sourceIncomplete: up && walkReport.incomplete,
  });

  let partialsRemoved = 0;
  if (down && !dryRun)
    for (const partial of walkReport.partials)
      if (
        await unlink(partial).then(
          () => true,
          () => false,
        )
      )
        partialsRemoved++;
  tracker.flush();
  const progress = tracker.current();
  return {
    direction: up ? 'up' : 'down',
    dryRun,
    cancelled: run.cancelled || signal.aborted,
    planned: run.planned,
    plannedBytes: run.plannedBytes,
    skipped: run.skipped,
    uploaded: executor.done.uploaded,
    downloaded: executor.done.downloaded,
    copied: 0,
    deleted: executor.done.deleted,
    bytes: progress.bytesDone,
    failed: executor.failures,
    failedCount: executor.failureCount(),
    warningCount: run.warningCount,
    deletesRefused,
    leftoverUploadsAborted,
    partialsRemoved,
    seconds: (Date.now() - started) / 1000,
  };
}
