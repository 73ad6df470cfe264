/**
 * Paged listings the SDK has no paginator for: every object version and
 * delete marker (KeyMarker/VersionIdMarker), and pending multipart uploads.
 */
import type { S3Client } from '@aws-sdk/client-s3';

export interface VersionEntry {
  readonly key: string;
  readonly versionId: string;
  readonly deleteMarker: boolean;
  readonly isLatest: boolean;
  readonly size: number;
  readonly modified: Date | undefined;
}

export interface UploadEntry {
  readonly key: string;
  readonly uploadId: string;
  readonly initiated: Date | undefined;
}

/** Pages of versions and delete markers, merged in key order within a page. */
export async function* listVersionPages(
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
  prefix?: string,
): AsyncGenerator<VersionEntry[]> {
  const { ListObjectVersionsCommand } = await import('@aws-sdk/client-s3');
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        Prefix: prefix,
        KeyMarker: keyMarker,
        VersionIdMarker: versionIdMarker,
      }),
      { abortSignal: signal },
    );
    const entries: VersionEntry[] = [
      ...(page.Versions ?? []).map((version) => ({
        key: version.Key ?? '',
        versionId: version.VersionId ?? 'null',
        deleteMarker: false,
        isLatest: version.IsLatest === true,
        size: version.Size ?? 0,
        modified: version.LastModified,
      })),
      ...(page.DeleteMarkers ?? []).map((marker) => ({
        key: marker.Key ?? '',
        versionId: marker.VersionId ?? 'null',
        deleteMarker: true,
        isLatest: marker.IsLatest === true,
        size: 0,
        modified: marker.LastModified,
      })),
    ];
    yield entries;
    if (page.IsTruncated !== true) return;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
    // A server that says "truncated" without a marker would loop forever.
    if (keyMarker === undefined) return;
  }
}

export async function* listUploads(
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
  prefix?: string,
): AsyncGenerator<UploadEntry> {
  const { ListMultipartUploadsCommand } = await import('@aws-sdk/client-s3');
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListMultipartUploadsCommand({
        Bucket: bucket,
        Prefix: prefix,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
      }),
      { abortSignal: signal },
    );
    for (const upload of page.Uploads ?? [])
      yield {
        key: upload.Key ?? '',
        uploadId: upload.UploadId ?? '',
        initiated: upload.Initiated,
      };
    if (page.IsTruncated !== true) return;
    keyMarker = page.NextKeyMarker;
    uploadIdMarker = page.NextUploadIdMarker;
    if (keyMarker === undefined) return;
  }
}
