/**
 * One page of versions and one of pending uploads: enough to tell a bucket
 * is not empty before asking for its name, without counting all of it.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../client-factory.js';
import { s3Call, s3Context, s3ErrorCode } from './s3-errors.js';
import type { BucketPeek } from './types.js';

const UNSUPPORTED = new Set(['MethodNotAllowed', 'NotImplemented']);

export async function peekBucket(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
): Promise<BucketPeek> {
  const { ListObjectVersionsCommand, ListMultipartUploadsCommand } =
    await import('@aws-sdk/client-s3');
  const page = await s3Call(
    s3Context(factory, 'ListObjectVersions', bucket),
    () =>
      client.send(
        new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }),
        { abortSignal: signal },
      ),
  );
  const versions = page.Versions ?? [];
  const uploads = await s3Call(
    s3Context(factory, 'ListMultipartUploads', bucket),
    () =>
      client
        .send(
          new ListMultipartUploadsCommand({ Bucket: bucket, MaxUploads: 1000 }),
          { abortSignal: signal },
        )
        .catch((error: unknown) => {
          // Some S3-compatible servers have no multipart listing.
          if (UNSUPPORTED.has(s3ErrorCode(error))) return undefined;
          throw error;
        }),
  );
  return {
    bucket,
    objects: versions.filter((version) => version.IsLatest === true).length,
    versions: versions.length,
    deleteMarkers: (page.DeleteMarkers ?? []).length,
    uploads: (uploads?.Uploads ?? []).length,
    more: page.IsTruncated === true || uploads?.IsTruncated === true,
  };
}
