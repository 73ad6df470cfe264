/**
 * Multipart uploads that were started and never completed or aborted (what
 * `s3cmd multipart` lists and `abortmp` aborts): their parts are stored and
 * billed until the upload is aborted. Listed with their part counts and
 * sizes; aborted by ID, in read-only mode refused by the client's guard.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../client-factory.js';
import { createLimiter } from './limiter.js';
import { s3Call, s3Context } from './s3-errors.js';
import { listUploads, type UploadEntry } from './version-listing.js';

export interface PendingUpload {
  readonly key: string;
  readonly uploadId: string;
  readonly initiated: Date | undefined;
  readonly parts: number;
  readonly bytes: number;
}

export interface AbortResult {
  readonly aborted: number;
  readonly failed: readonly {
    readonly key: string;
    readonly uploadId: string;
    readonly message: string;
  }[];
}

/** Uploads at most this many at a time are asked for their parts. */
const PART_LISTINGS = 8;

export async function listPendingUploads(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  prefix: string,
  signal: AbortSignal,
): Promise<PendingUpload[]> {
  const uploads: UploadEntry[] = [];
  await s3Call(s3Context(factory, 'ListMultipartUploads', bucket), async () => {
    for await (const upload of listUploads(client, bucket, signal, prefix))
      uploads.push(upload);
  });
  const { ListPartsCommand } = await import('@aws-sdk/client-s3');
  const limiter = createLimiter(PART_LISTINGS);
  return Promise.all(
    uploads.map((upload) =>
      limiter.run(() =>
        s3Call(
          s3Context(factory, 'ListParts', bucket, upload.key),
          async () => {
            let parts = 0;
            let bytes = 0;
            let marker: string | undefined;
            do {
              const page = await client.send(
                new ListPartsCommand({
                  Bucket: bucket,
                  Key: upload.key,
                  UploadId: upload.uploadId,
                  PartNumberMarker: marker,
                }),
                { abortSignal: signal },
              );
              for (const part of page.Parts ?? []) {
                parts++;
                bytes += part.Size ?? 0;
              }
              marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
            } while (marker !== undefined);
            return { ...upload, parts, bytes };
          },
        ),
      ),
    ),
  );
}

/** One AbortMultipartUpload: the upload's parts are deleted and no longer billed. */
export async function abortUpload(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  upload: Pick<PendingUpload, 'key' | 'uploadId'>,
  signal: AbortSignal,
): Promise<void> {
  const { AbortMultipartUploadCommand } = await import('@aws-sdk/client-s3');
  await s3Call(
    s3Context(factory, 'AbortMultipartUpload', bucket, upload.key),
    () =>
      client.send(
        new AbortMultipartUploadCommand({
          Bucket: bucket,
          Key: upload.key,
          UploadId: upload.uploadId,
        }),
        { abortSignal: signal },
      ),
  );
}

export async function abortPendingUploads(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  uploads: readonly Pick<PendingUpload, 'key' | 'uploadId'>[],
  signal: AbortSignal,
): Promise<AbortResult> {
  const limiter = createLimiter(PART_LISTINGS);
  const failed: AbortResult['failed'][number][] = [];
  let aborted = 0;
  await Promise.all(
    uploads.map((upload) =>
      limiter.run(async () => {
        try {
          await abortUpload(factory, client, bucket, upload, signal);
          aborted++;
        } catch (error) {
          if (signal.aborted) throw error;
          failed.push({
            key: upload.key,
            uploadId: upload.uploadId,
            message: (error as Error).message,
          });
        }
      }),
    ),
  );
  return { aborted, failed };
}

/** The uploads started more than `days` days before `now`. */
export function uploadsOlderThan(
  uploads: readonly PendingUpload[],
  days: number,
  now: Date,
): PendingUpload[] {
  const cutoff = now.getTime() - days * 86_400_000;
  return uploads.filter(
    (upload) =>
      upload.initiated !== undefined && upload.initiated.getTime() < cutoff,
  );
}
