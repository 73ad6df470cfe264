/**
 * DeleteObjects in batches of 1000, several batches in flight, with retries:
 * a whole batch on SlowDown and other transient errors, and the keys S3
 * lists under Errors (per-key failures come back inside a 200 answer).
 */
import type { ObjectIdentifier, S3Client } from '@aws-sdk/client-s3';
import { isAbortError } from '../../lib/errors.js';
import { createLimiter, sleep } from './limiter.js';
import { isRetryableS3Error, toS3Error, type S3Context } from './s3-errors.js';

const DELETE_BATCH = 1000;

export interface BatchDeleteOptions {
  readonly signal: AbortSignal;
  /** Batches in flight. */
  readonly parallel?: number;
  /** Tries per key (and per batch on transient errors). */
  readonly attempts?: number;
  /** First back-off in ms; doubles each retry. */
  readonly backoffMs?: number;
  readonly onDeleted?: (count: number) => void;
}

export interface BatchDeleteResult {
  readonly deleted: number;
  readonly failed: { key: string; versionId?: string; message: string }[];
}

export async function deleteInBatches(
  client: S3Client,
  bucket: string,
  targets: AsyncIterable<ObjectIdentifier> | Iterable<ObjectIdentifier>,
  context: S3Context,
  options: BatchDeleteOptions,
): Promise<BatchDeleteResult> {
  const attempts = options.attempts ?? 5;
  const backoff = options.backoffMs ?? 200;
  const limiter = createLimiter(options.parallel ?? 8);
  const failed: BatchDeleteResult['failed'] = [];
  let deleted = 0;
  const running: Promise<void>[] = [];
  let firstError: unknown;
  const { DeleteObjectsCommand } = await import('@aws-sdk/client-s3');
  const idOf = (key?: string, versionId?: string) =>
    `${key}\0${versionId ?? ''}`;

  const sendBatch = async (batch: ObjectIdentifier[]) => {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      options.signal.throwIfAborted();
      let errors: {
        Key?: string;
        VersionId?: string;
        Code?: string;
        Message?: string;
      }[];
      try {
        const answer = await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: pending, Quiet: true },
          }),
          { abortSignal: options.signal },
        );
        errors = answer.Errors ?? [];
      } catch (error) {
        if (
          isAbortError(error) ||
          !isRetryableS3Error(error) ||
          attempt >= attempts
        )
          throw error;
        await sleep(backoff * 2 ** (attempt - 1), options.signal);
        continue;
      }
      const failedIds = new Map(
        errors.map((entry) => [idOf(entry.Key, entry.VersionId), entry]),
      );
      const done = pending.length - errors.length;
      deleted += done;
      if (done > 0) options.onDeleted?.(done);
      const retry: ObjectIdentifier[] = [];
      for (const item of pending) {
        const entry = failedIds.get(idOf(item.Key, item.VersionId));
        if (entry === undefined) continue;
        if (attempt < attempts) retry.push(item);
        else
          failed.push({
            key: item.Key ?? '',
            ...(item.VersionId === undefined
              ? {}
              : { versionId: item.VersionId }),
            message: `${entry?.Code ?? 'Error'}: ${entry?.Message ?? 'not deleted'}`,
          });
      }
      pending = retry;
      if (pending.length > 0)
        await sleep(backoff * 2 ** (attempt - 1), options.signal);
    }
  };

  const launch = async (batch: ObjectIdentifier[]) => {
    await limiter.vacancy();
    if (firstError !== undefined) return;
    const task = limiter
      .run(() => sendBatch(batch))
      .catch((error: unknown) => {
        firstError ??= error;
      });
    running.push(task);
  };

  let batch: ObjectIdentifier[] = [];
  for await (const target of targets) {
    if (firstError !== undefined) break;
    batch.push(target);
    if (batch.length === DELETE_BATCH) {
      await launch(batch);
      batch = [];
    }
  }
  if (batch.length > 0 && firstError === undefined) await launch(batch);
  await Promise.all(running);
  if (firstError !== undefined) {
    if (isAbortError(firstError)) throw firstError as Error;
    throw toS3Error(firstError, context);
  }
  return { deleted, failed };
}

export function describeFailures(
  failed: readonly { key: string; message: string }[],
): string {
  return failed
    .slice(0, 3)
    .map((entry) => `${entry.key}: ${entry.message}`)
    .join('; ')
    .concat(failed.length > 3 ? `; and ${failed.length - 3} more` : '');
}
