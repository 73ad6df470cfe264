/**
 * A sync between a local directory and a bucket prefix, either way: the
 * local walk, the remote listing (in key ranges learnt from the local walk)
 * and the planner stream into the executor; deletions run last, guarded.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { setMaxListeners } from 'node:events';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { createLimiter } from '../aws/s3/limiter.js';
import { toS3Error, type S3Context } from '../aws/s3/s3-errors.js';
import { directoryPrefix } from '../aws/s3/s3-uri.js';
import { UserError, isAbortError } from '../lib/errors.js';
import { createChannel, readAhead } from './channel.js';
import { countSkip, noSkips } from './skip-kinds.js';
import { checkDeletes } from './plan/delete-guard.js';
import { createExecutor } from './transfer/executor.js';
import { createPathFilter } from './plan/filters.js';
import { cleanLeftoverUploads } from './transfer/leftover-uploads.js';
import { newWalkReport, walkLocal } from './plan/local-walk.js';
import { localEtagLike } from './plan/multipart-etag.js';
import { planSync } from './plan/planner.js';
import { createProgressTracker } from './transfer/progress-tracker.js';
import { listRemote } from './plan/remote-listing.js';
import type { SyncHooks, SyncResult, SyncSpec } from './sync-spec.js';
import type { PlanAction, PlanItem, RemoteEntry } from './plan-types.js';
import { MiB } from './transfer/upload-file.js';
import type { UploadJournal } from './transfer/upload-journal.js';

export interface SyncDeps {
  readonly client: S3Client;
  readonly journal?: UploadJournal;
  readonly context: (
    operation: string,
    bucket: string,
    key?: string,
  ) => S3Context;
}

const KEYS_PER_RANGE = 1000;

export async function runSync(
  spec: SyncSpec,
  deps: SyncDeps,
  hooks: SyncHooks,
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
  // Every request in flight listens to the signal: more than Node's default 10.
  const linked = new AbortController();
  setMaxListeners(10_000, linked.signal);
  const forward = () => linked.abort(hooks.signal.reason);
  if (hooks.signal.aborted) forward();
  else hooks.signal.addEventListener('abort', forward, { once: true });
  const signal = linked.signal;
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

  const walkReport = newWalkReport();
  // A dry run into a directory that does not exist yet plans against nothing.
  const localMissing =
    down &&
    dryRun &&
    !(await stat(local.path).then(
      () => true,
      () => false,
    ));
  const splits = createChannel<string>();
  let seen = 0;
  let pendingSplit: string | undefined;
  const localEntries = readAhead(
    localMissing
      ? emptyListing()
      : walkLocal(local.path, walkReport, signal, { followLinks: up }),
    (listParallel + 2) * KEYS_PER_RANGE,
    (entry) => {
      // The split after the 1000th key is only known to be one when a key follows.
      if (pendingSplit !== undefined) void splits.push(pendingSplit);
      pendingSplit = undefined;
      if (++seen % KEYS_PER_RANGE === 0) pendingSplit = prefix + entry.rel;
    },
    () => splits.close(),
  );
  let remoteCount = 0;
  async function* counted(entries: AsyncIterable<RemoteEntry>) {
    for await (const entry of entries) {
      remoteCount++;
      yield entry;
    }
  }
  const remoteEntries = counted(
    listRemote({
      client: deps.client,
      bucket,
      prefix,
      signal,
      splitKeys: splits,
      parallel: listParallel,
    }),
  );
  const plan = planSync({
    local: localEntries,
    remote: remoteEntries,
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
      rangedThreshold: spec.multipartThreshold ?? 16 * MiB,
      multipartThreshold: spec.multipartThreshold ?? 16 * MiB,
      partSize,
      journal: deps.journal,
      context: (operation, key) => deps.context(operation, bucket, key),
    },
    tracker,
    signal,
    hooks.onDone,
  );

  const planned: Record<PlanAction, number> = {
    upload: 0,
    download: 0,
    delete: 0,
    skip: 0,
  };
  let plannedBytes = 0;
  const skipped = noSkips();
  let warningCount = 0;
  const deletes: PlanItem[] = [];
  let cancelled = false;
  try {
    for await (const item of plan) {
      planned[item.action]++;
      if (item.action === 'skip') countSkip(skipped, item);
      plannedBytes += item.bytes;
      hooks.onPlanned?.(item);
      if (item.warning) {
        warningCount++;
        hooks.onWarning?.(item.rel, item.reason);
      }
      if (item.action === 'delete') deletes.push(item);
      else if (
        !dryRun &&
        (item.action === 'upload' || item.action === 'download')
      )
        await executor.submit(item);
      if (signal.aborted) break;
    }
  } catch (error) {
    if (!isAbortError(error)) {
      await executor.settle();
      throw error instanceof UserError
        ? error
        : toS3Error(error, deps.context('ListObjectsV2', bucket, prefix));
    }
  } finally {
    cancelled = signal.aborted;
  }
  await executor.settle();
  for (const warning of walkReport.warnings) {
    warningCount++;
    hooks.onWarning?.(warning.rel, warning.message);
  }

  const verdict = checkDeletes({
    planned: deletes.length,
    maxDelete: spec.maxDelete,
    sourceCount: up ? walkReport.files : remoteCount,
    allowEmptySource: spec.allowEmptySource === true,
    sourceIncomplete: up && walkReport.incomplete,
    transferFailures: executor.failureCount(),
  });
  const deletesRefused =
    cancelled && deletes.length > 0
      ? 'cancelled'
      : verdict.allowed
        ? undefined
        : verdict.reason;
  if (!dryRun && !cancelled && verdict.allowed && deletes.length > 0)
    await executor.runDeletes(deletes);

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
    cancelled: cancelled || signal.aborted,
    planned,
    plannedBytes,
    skipped,
    uploaded: executor.done.uploaded,
    downloaded: executor.done.downloaded,
    deleted: executor.done.deleted,
    bytes: progress.bytesDone,
    failed: executor.failures,
    failedCount: executor.failureCount(),
    warningCount,
    deletesRefused,
    leftoverUploadsAborted,
    partialsRemoved,
    seconds: (Date.now() - started) / 1000,
  };
}

async function* emptyListing(): AsyncGenerator<never> {}
