/**
 * rb and rb --force. Force removal deletes every version and delete marker
 * (so it works on versioned buckets, unlike aws s3 rb --force), aborts every
 * pending multipart upload, then removes the bucket.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { formatBytes } from '../../lib/byte-size.js';
import { isAbortError, UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { deleteInBatches, describeFailures } from './batch-delete.js';
import { createLimiter } from './limiter.js';
import { s3Call, s3Context, s3ErrorCode, toS3Error } from './s3-errors.js';
import type { BucketContents, PurgeProgress, PurgeResult } from './types.js';
import { abortUpload } from './pending-uploads.js';
import { listUploads, listVersionPages } from './version-listing.js';

const UNSUPPORTED = new Set(['MethodNotAllowed', 'NotImplemented']);

export function describeContents(contents: BucketContents): string {
  const parts = [`${contents.objects} objects`];
  if (contents.versioned || contents.versions !== contents.objects)
    parts.push(`${contents.versions} versions`);
  if (contents.deleteMarkers > 0)
    parts.push(`${contents.deleteMarkers} delete markers`);
  if (contents.uploads > 0) parts.push(`${contents.uploads} pending uploads`);
  parts.push(formatBytes(contents.bytes));
  return parts.join(', ');
}

export async function countBucketContents(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
  onProgress?: (counted: number) => void,
): Promise<BucketContents> {
  const { GetBucketVersioningCommand } = await import('@aws-sdk/client-s3');
  const versioning = await s3Call(
    s3Context(factory, 'GetBucketVersioning', bucket),
    () =>
      client.send(new GetBucketVersioningCommand({ Bucket: bucket }), {
        abortSignal: signal,
      }),
  );
  let objects = 0;
  let versions = 0;
  let deleteMarkers = 0;
  let bytes = 0;
  await s3Call(s3Context(factory, 'ListObjectVersions', bucket), async () => {
    for await (const page of listVersionPages(client, bucket, signal)) {
      for (const entry of page) {
        if (entry.deleteMarker) deleteMarkers++;
        else {
          versions++;
          bytes += entry.size;
          if (entry.isLatest) objects++;
        }
      }
      onProgress?.(versions + deleteMarkers);
    }
  });
  let uploads = 0;
  await s3Call(s3Context(factory, 'ListMultipartUploads', bucket), async () => {
    try {
      for await (const _ of listUploads(client, bucket, signal)) uploads++;
    } catch (error) {
      // Some S3-compatible servers have no multipart listing: nothing to count.
      if (!UNSUPPORTED.has(s3ErrorCode(error))) throw error;
    }
  });
  return {
    bucket,
    versioned: versioning.Status !== undefined,
    objects,
    versions,
    deleteMarkers,
    uploads,
    bytes,
  };
}

/** DeleteBucket; when S3 says the bucket is not empty, the error says with what. */
export async function removeEmptyBucket(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
): Promise<void> {
  const { DeleteBucketCommand } = await import('@aws-sdk/client-s3');
  try {
    await client.send(new DeleteBucketCommand({ Bucket: bucket }), {
      abortSignal: signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    if (s3ErrorCode(error) !== 'BucketNotEmpty')
      throw toS3Error(error, s3Context(factory, 'DeleteBucket', bucket));
    const contents = await countBucketContents(factory, client, bucket, signal);
    throw new UserError(
      `bucket ${bucket} is not empty: ${describeContents(contents)}`,
      {
        hint: `remove them first, or use rb --force to delete every version, delete marker and pending upload`,
        cause: error,
      },
    );
  }
}

export async function purgeBucket(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
  onProgress?: (progress: PurgeProgress) => void,
): Promise<PurgeResult> {
  const progress = {
    deleted: 0,
    total: undefined as number | undefined,
    bytesDeleted: 0,
    uploadsAborted: 0,
  };
  const report = () => onProgress?.({ ...progress });
  // Something may land in the bucket while it is emptied: a few passes.
  for (let pass = 1; ; pass++) {
    const failed = await purgePass(
      factory,
      client,
      bucket,
      signal,
      progress,
      report,
    );
    if (failed.length > 0) return { ...progress, failed, bucketRemoved: false };
    try {
      await removeEmptyBucket(factory, client, bucket, signal);
      return { ...progress, failed: [], bucketRemoved: true };
    } catch (error) {
      if (
        pass >= 3 ||
        !(error instanceof UserError) ||
        !/not empty/.test(error.message)
      )
        throw error;
    }
  }
}

async function purgePass(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
  progress: {
    deleted: number;
    total: number | undefined;
    bytesDeleted: number;
    uploadsAborted: number;
  },
  report: () => void,
): Promise<PurgeResult['failed']> {
  let listed = progress.deleted;
  let bytesListed = 0;
  async function* targets() {
    for await (const page of listVersionPages(client, bucket, signal)) {
      for (const entry of page) {
        listed++;
        bytesListed += entry.size;
        yield { Key: entry.key, VersionId: entry.versionId };
      }
    }
    progress.total = listed;
    report();
  }
  const result = await deleteInBatches(
    client,
    bucket,
    targets(),
    s3Context(factory, 'DeleteObjects', bucket),
    {
      signal,
      onDeleted: (count) => {
        progress.deleted += count;
        report();
      },
    },
  );
  // Exact when nothing failed; with failures the bucket stays and bytes are not claimed.
  if (result.failed.length === 0) progress.bytesDeleted += bytesListed;

  const limiter = createLimiter(8);
  const aborts: Promise<void>[] = [];
  await s3Call(s3Context(factory, 'ListMultipartUploads', bucket), async () => {
    try {
      for await (const upload of listUploads(client, bucket, signal)) {
        await limiter.vacancy();
        const task = limiter.run(async () => {
          await abortUpload(factory, client, bucket, upload, signal);
          progress.uploadsAborted++;
          report();
        });
        // Awaited below; a failure must not count as unhandled meanwhile.
        task.catch(() => undefined);
        aborts.push(task);
      }
    } catch (error) {
      if (!UNSUPPORTED.has(s3ErrorCode(error))) throw error;
    }
  });
  await Promise.all(aborts);
  return result.failed;
}

/** One line for a purge that left versions behind. */
export function describePurgeFailure(
  bucket: string,
  result: PurgeResult,
): string {
  return `${result.failed.length} versions of bucket ${bucket} could not be deleted, so the bucket stays: ${describeFailures(result.failed)}`;
}
