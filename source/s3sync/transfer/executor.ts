/**
 * Runs plan items as they stream in: transfers with bounded concurrency
 * (files and parts), deletions collected and run last, and only when the
 * delete guard allows. A failed transfer is recorded and the rest go on.
 */
import type { DirectGetter } from '../../aws/s3/direct-get.js';
import type { S3Client } from '@aws-sdk/client-s3';
import { unlink } from 'node:fs/promises';
import { deleteInBatches } from '../../aws/s3/batch-delete.js';
import { createLimiter, type Limiter } from '../../aws/s3/limiter.js';
import { toS3Error, type S3Context } from '../../aws/s3/s3-errors.js';
import { describeError, isAbortError } from '../../lib/errors.js';
import { downloadObject } from './download-object.js';
import { localPathForKey } from '../plan/key-safety.js';
import { assertNoLinkOnPath } from './link-check.js';
import type { ProgressTracker } from './progress-tracker.js';
import type { PlanItem, SyncDirection } from '../plan-types.js';
import { uploadFile, type UploadSettings } from './upload-file.js';

export interface ExecutorSettings extends UploadSettings {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  readonly root: string;
  readonly direction: SyncDirection;
  /** A bucket-to-bucket copy of one item (direction 'copy'). */
  readonly copy?: (
    item: PlanItem,
    signal: AbortSignal,
    onBytes: (count: number) => void,
  ) => Promise<void>;
  readonly files: number;
  readonly parts: Limiter;
  readonly rangedThreshold: number;
  /** Small downloads without the SDK's per-request cost, when the endpoint allows. */
  readonly direct?: DirectGetter | undefined;
  readonly context: (operation: string, key?: string) => S3Context;
}

export interface Failure {
  readonly rel: string;
  readonly message: string;
}

export interface Executor {
  /** Starts the item (waits while every file slot is busy). */
  submit(item: PlanItem): Promise<void>;
  /** Waits for every transfer started so far. */
  settle(): Promise<void>;
  runDeletes(items: readonly PlanItem[]): Promise<number>;
  readonly failures: Failure[];
  readonly failureCount: () => number;
  readonly done: {
    uploaded: number;
    downloaded: number;
    copied: number;
    deleted: number;
  };
}

const KEEP_FAILURES = 1000;

export function createExecutor(
  settings: ExecutorSettings,
  tracker: ProgressTracker,
  signal: AbortSignal,
  onDone?: (item: PlanItem, error?: string) => void,
): Executor {
  const files = createLimiter(settings.files);
  // Every download into one directory needs no mkdir after the first.
  const directories = new Set<string>();
  // Directories inside the root seen to be real, not links.
  const realDirectories = new Set<string>();
  const running = new Set<Promise<void>>();
  const failures: Failure[] = [];
  let failureCount = 0;
  const done = { uploaded: 0, downloaded: 0, copied: 0, deleted: 0 };

  const fail = (item: PlanItem, error: unknown, operation: string) => {
    failureCount++;
    const message = describeError(
      toS3Error(error, settings.context(operation, settings.prefix + item.rel)),
    );
    if (failures.length < KEEP_FAILURES)
      failures.push({ rel: item.rel, message });
    onDone?.(item, message);
  };

  const transfer = async (item: PlanItem) => {
    let moved = 0;
    const onBytes = (count: number) => {
      moved += count;
      tracker.bytes(count);
    };
    const operation =
      item.action === 'upload'
        ? 'PutObject'
        : item.action === 'copy'
          ? 'CopyObject'
          : 'GetObject';
    try {
      if (item.action === 'upload' && item.local) {
        await uploadFile(
          settings.client,
          settings.bucket,
          settings.prefix + item.rel,
          item.local,
          settings,
          signal,
          onBytes,
        );
        done.uploaded++;
      } else if (item.action === 'copy' && settings.copy) {
        await settings.copy(item, signal, onBytes);
        done.copied++;
      } else if (item.action === 'download' && item.remote) {
        const verdict = localPathForKey(settings.root, item.rel);
        if (verdict.kind !== 'file')
          throw new Error(`key skipped: ${verdict.kind}`);
        await assertNoLinkOnPath(settings.root, verdict.path, realDirectories);
        await downloadObject(
          settings.client,
          settings.bucket,
          item.remote,
          verdict.path,
          {
            rangedThreshold: settings.rangedThreshold,
            partSize: settings.partSize,
            parts: settings.parts,
            directories,
            direct: settings.direct,
          },
          signal,
          onBytes,
        );
        done.downloaded++;
      }
      tracker.itemDone(Math.max(0, item.bytes - moved));
      onDone?.(item);
    } catch (error) {
      tracker.itemDone(Math.max(0, item.bytes - moved));
      if (isAbortError(error) || signal.aborted) return;
      fail(item, error, operation);
    }
  };

  return {
    async submit(item) {
      tracker.planned(item.bytes);
      await files.vacancy();
      const task = files.run(() => transfer(item));
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async settle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async runDeletes(items) {
      for (const _ of items) tracker.planned(0);
      // Up and copy delete objects of the destination bucket.
      if (settings.direction !== 'down') {
        const result = await deleteInBatches(
          settings.client,
          settings.bucket,
          items.map((item) => ({ Key: settings.prefix + item.rel })),
          settings.context('DeleteObjects'),
          {
            signal,
            onDeleted: (count) => {
              for (let index = 0; index < count; index++) tracker.itemDone();
            },
          },
        );
        done.deleted += result.deleted;
        for (const failure of result.failed) {
          failureCount++;
          if (failures.length < KEEP_FAILURES)
            failures.push({
              rel: failure.key.slice(settings.prefix.length),
              message: `not deleted: ${failure.message}`,
            });
        }
        return result.deleted;
      }
      await Promise.all(
        items.map((item) =>
          files.run(async () => {
            try {
              if (item.local) await unlink(item.local.path);
              done.deleted++;
              onDone?.(item);
            } catch (error) {
              failureCount++;
              if (failures.length < KEEP_FAILURES)
                failures.push({ rel: item.rel, message: describeError(error) });
            } finally {
              tracker.itemDone();
            }
          }),
        ),
      );
      return done.deleted;
    },
    failures,
    failureCount: () => failureCount,
    done,
  };
}
