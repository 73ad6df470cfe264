/**
 * A sync from one bucket prefix to another by server-side copy: no object
 * body passes through opsdeck. The source listing (cut at its top-level
 * folders) and the destination listing (cut at every 1,000th source key) are
 * fetched in parallel key ranges and merged by the one sync planner; copies
 * stream into the executor; deletions run last, guarded, as in every sync.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createDirectCopier } from '../aws/s3/direct-copy.js';
import { createLimiter } from '../aws/s3/limiter.js';
import type { S3Context } from '../aws/s3/s3-errors.js';
import { directoryPrefix } from '../aws/s3/s3-uri.js';
import { checkLocationBucket } from '../aws/s3/bucket-names.js';
import { UserError } from '../lib/errors.js';
import { copyObject } from './copy/copy-object.js';
import type { CopySettings } from './copy/copy-settings.js';
import { COPY_OBJECT_LIMIT } from './copy/copy-parts.js';
import { countCopyTotals } from './copy/copy-totals.js';
import { drivePlan, finishDeletes, linkedSignal } from './drive-plan.js';
import { createPathFilter } from './plan/filters.js';
import { planSync } from './plan/planner.js';
import { listRemote } from './plan/remote-listing.js';
import { folderSplits, withSplitKeys } from './plan/split-keys.js';
import type { RemoteEntry } from './plan-types.js';
import type { SyncHooks, SyncResult, SyncSpec } from './sync-spec.js';
import { createExecutor } from './transfer/executor.js';
import { cleanLeftoverUploads } from './transfer/leftover-uploads.js';
import { createProgressTracker } from './transfer/progress-tracker.js';
import type { UploadJournal } from './transfer/upload-journal.js';

export interface BucketSyncDeps {
  /** A client for a region (listings and copies go to each bucket's own). */
  readonly clientFor: (region: string) => Promise<S3Client>;
  readonly regionOf: (bucket: string, signal: AbortSignal) => Promise<string>;
  readonly journal?: UploadJournal;
  readonly context: (
    operation: string,
    bucket: string,
    key?: string,
  ) => S3Context;
}

type Place = { readonly bucket: string; readonly prefix: string };

function placesOf(spec: SyncSpec): { source: Place; destination: Place } {
  const { source, destination } = spec;
  if (source.kind !== 's3' || destination.kind !== 's3')
    throw new UserError('a bucket copy goes from s3:// to s3://');
  checkLocationBucket(source.bucket);
  checkLocationBucket(destination.bucket);
  const from = {
    bucket: source.bucket,
    prefix: directoryPrefix(source.prefix),
  };
  const to = {
    bucket: destination.bucket,
    prefix: directoryPrefix(destination.prefix),
  };
  // A listing that would see its own copies never ends.
  if (
    from.bucket === to.bucket &&
    (from.prefix.startsWith(to.prefix) || to.prefix.startsWith(from.prefix))
  )
    throw new UserError(
      `s3://${from.bucket}/${from.prefix} and s3://${to.bucket}/${to.prefix} overlap`,
      { hint: 'copy to another bucket, or to a prefix beside the source' },
    );
  return { source: from, destination: to };
}

export async function runBucketSync(
  spec: SyncSpec,
  deps: BucketSyncDeps,
  hooks: SyncHooks,
): Promise<SyncResult> {
  const started = Date.now();
  const { source, destination } = placesOf(spec);
  const dryRun = spec.dryRun === true;
  const signal = linkedSignal(hooks.signal);
  const listParallel = spec.listParallel ?? 8;
  const partsInFlight = spec.partConcurrency ?? 16;
  const [sourceRegion, destinationRegion] = await Promise.all([
    deps.regionOf(source.bucket, signal),
    deps.regionOf(destination.bucket, signal),
  ]);
  const [sourceClient, client] = await Promise.all([
    deps.clientFor(sourceRegion),
    deps.clientFor(destinationRegion),
  ]);
  const leftoverUploadsAborted =
    !dryRun && deps.journal
      ? await cleanLeftoverUploads(
          client,
          destination.bucket,
          deps.journal,
          signal,
        )
      : 0;
  const threshold = spec.multipartThreshold ?? COPY_OBJECT_LIMIT;
  const counter = countCopyTotals(
    { source: sourceRegion, destination: destinationRegion },
    { threshold, parallel: partsInFlight, partSize: spec.partSize },
  );

  let sourceCount = 0;
  async function* countedSource(entries: AsyncIterable<RemoteEntry>) {
    for await (const entry of entries) {
      sourceCount++;
      yield entry;
    }
  }
  const { entries: sourceEntries, splits } = withSplitKeys(
    countedSource(
      listRemote({
        client: sourceClient,
        bucket: source.bucket,
        prefix: source.prefix,
        signal,
        splitKeys: folderSplits(
          sourceClient,
          source.bucket,
          source.prefix,
          signal,
          counter.listed,
        ),
        parallel: listParallel,
        onRequest: counter.listed,
      }),
    ),
    destination.prefix,
    listParallel,
  );
  const plan = planSync({
    local: sourceEntries,
    remote: listRemote({
      client,
      bucket: destination.bucket,
      prefix: destination.prefix,
      signal,
      splitKeys: splits,
      parallel: listParallel,
      onRequest: counter.listed,
    }),
    root: '',
    filter: createPathFilter(spec.filters ?? []),
    direction: 'copy',
    mode: spec.mode ?? 'default',
    delete: spec.delete === true,
  });

  const copies: CopySettings = {
    client,
    sourceClient,
    sourceBucket: source.bucket,
    bucket: destination.bucket,
    prefix: destination.prefix,
    threshold,
    parts: createLimiter(partsInFlight),
    partsInFlight,
    partSize: spec.partSize,
    storageClass: spec.storageClass,
    sse: spec.sse,
    sseKmsKeyId: spec.sseKmsKeyId,
    journal: deps.journal,
    direct: dryRun ? undefined : await createDirectCopier(client),
  };
  const tracker = createProgressTracker(hooks.onProgress);
  const executor = createExecutor(
    {
      client,
      bucket: destination.bucket,
      prefix: destination.prefix,
      root: '',
      direction: 'copy',
      copy: (item, itemSignal, onBytes) =>
        copyObject(copies, item, itemSignal, onBytes),
      // Copies are small requests whatever the object's size: more in flight.
      files: spec.concurrency ?? 32,
      parts: copies.parts,
      partsPerFile: partsInFlight,
      rangedThreshold: threshold,
      multipartThreshold: threshold,
      partSize: spec.partSize ?? threshold,
      journal: deps.journal,
      context: (operation, key) =>
        deps.context(operation, destination.bucket, key),
    },
    tracker,
    signal,
    hooks.onDone,
  );
  const run = await drivePlan(plan, executor, {
    dryRun,
    signal,
    hooks: {
      ...hooks,
      onPlanned: (item) => {
        if (item.action === 'copy') counter.add(item.bytes);
        hooks.onPlanned?.(item);
      },
    },
    listing: () => deps.context('ListObjectsV2', source.bucket, source.prefix),
  }).finally(() => copies.direct?.close());
  const deletesRefused = await finishDeletes(run, executor, {
    dryRun,
    maxDelete: spec.maxDelete,
    sourceCount,
    allowEmptySource: spec.allowEmptySource === true,
    sourceIncomplete: false,
  });
  tracker.flush();
  return {
    direction: 'copy',
    dryRun,
    cancelled: run.cancelled || signal.aborted,
    planned: run.planned,
    plannedBytes: run.plannedBytes,
    skipped: run.skipped,
    uploaded: 0,
    downloaded: 0,
    copied: executor.done.copied,
    deleted: executor.done.deleted,
    bytes: tracker.current().bytesDone,
    failed: executor.failures,
    failedCount: executor.failureCount(),
    warningCount: run.warningCount,
    deletesRefused,
    leftoverUploadsAborted,
    partialsRemoved: 0,
    seconds: (Date.now() - started) / 1000,
    copyTotals: counter.totals(),
  };
}
