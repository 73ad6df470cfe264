/**
 * One object from bucket to bucket without a byte passing through opsdeck:
 * CopyObject up to 5 GiB (metadata and tags copied by S3 itself), above it
 * a multipart upload filled by UploadPartCopy in parallel parts, created
 * with the source's metadata, headers and tags (parts carry none of them).
 * Every copy is pinned to the listed ETag (x-amz-copy-source-if-match), so
 * an object rewritten meanwhile fails instead of mixing versions.
 */
import type {
  S3Client,
  ServerSideEncryption,
  StorageClass,
} from '@aws-sdk/client-s3';
import type { DirectCopier } from '../../aws/s3/direct-copy.js';
import type { Limiter } from '../../aws/s3/limiter.js';
import type { PlanItem, RemoteEntry } from '../plan-types.js';
import { journalUpload } from '../transfer/upload-file.js';
import type { UploadJournal } from '../transfer/upload-journal.js';
import { copyPartSize, partRanges } from './copy-parts.js';
import { verifyCopy } from './verify-copy.js';

export interface CopySettings {
  /** A client in the destination bucket's region. */
  readonly client: S3Client;
  /** A client in the source bucket's region (HEAD and tags of big objects). */
  readonly sourceClient: S3Client;
  readonly sourceBucket: string;
  readonly bucket: string;
  /** Destination prefix: '' or ending in '/'. */
  readonly prefix: string;
  /** Above this size, a multipart copy. */
  readonly threshold: number;
  /** Parts in flight, over every object. */
  readonly parts: Limiter;
  readonly partsInFlight: number;
  readonly partSize?: number | undefined;
  readonly storageClass?: string | undefined;
  readonly sse?: string | undefined;
  readonly sseKmsKeyId?: string | undefined;
  readonly journal?: UploadJournal | undefined;
  /** Whole-object copies without the SDK's per-request cost, when the endpoint allows. */
  readonly direct?: DirectCopier | undefined;
}

/** CopySource is a URL path: the key percent-encoded, its slashes kept. */
export function copySource(bucket: string, key: string): string {
  return `${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
}

const encryptionOf = (settings: CopySettings) => ({
  ...(settings.sse === undefined
    ? {}
    : { ServerSideEncryption: settings.sse as ServerSideEncryption }),
  ...(settings.sseKmsKeyId === undefined
    ? {}
    : { SSEKMSKeyId: settings.sseKmsKeyId }),
});

const storageClassOf = (settings: CopySettings, source: RemoteEntry) => {
  const wanted = settings.storageClass ?? source.storageClass;
  return wanted === undefined ? {} : { StorageClass: wanted as StorageClass };
};

export async function copyObject(
  settings: CopySettings,
  item: PlanItem,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<void> {
  const source = item.source;
  if (!source) throw new Error('nothing to copy: the plan has no source');
  const key = settings.prefix + item.rel;
  if (source.size > settings.threshold)
    return copyInParts(settings, source, key, signal, onBytes);
  const etag =
    (await settings.direct?.copy(
      {
        copySource: copySource(settings.sourceBucket, source.key),
        bucket: settings.bucket,
        key,
        ifMatch: source.etag,
        storageClass: settings.storageClass ?? source.storageClass,
        sse: settings.sse,
        sseKmsKeyId: settings.sseKmsKeyId,
      },
      signal,
    )) ?? (await copyBySdk(settings, source, key, signal));
  await verifyCopy(settings, source, key, etag);
  onBytes(source.size);
}

async function copyBySdk(
  settings: CopySettings,
  source: RemoteEntry,
  key: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const { CopyObjectCommand } = await import('@aws-sdk/client-s3');
  const answer = await settings.client.send(
    new CopyObjectCommand({
      Bucket: settings.bucket,
      Key: key,
      CopySource: copySource(settings.sourceBucket, source.key),
      ...(source.etag === undefined ? {} : { CopySourceIfMatch: source.etag }),
      MetadataDirective: 'COPY',
      TaggingDirective: 'COPY',
      ...storageClassOf(settings, source),
      ...encryptionOf(settings),
    }),
    { abortSignal: signal },
  );
  return answer.CopyObjectResult?.ETag;
}

async function copyInParts(
  settings: CopySettings,
  source: RemoteEntry,
  key: string,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<void> {
  const s3 = await import('@aws-sdk/client-s3');
  const { client, bucket } = settings;
  const pinned =
    source.etag === undefined ? {} : { CopySourceIfMatch: source.etag };
  const head = await settings.sourceClient.send(
    new s3.HeadObjectCommand({
      Bucket: settings.sourceBucket,
      Key: source.key,
      ChecksumMode: 'ENABLED',
      ...(source.etag === undefined ? {} : { IfMatch: source.etag }),
    }),
    { abortSignal: signal },
  );
  const tags = await settings.sourceClient.send(
    new s3.GetObjectTaggingCommand({
      Bucket: settings.sourceBucket,
      Key: source.key,
    }),
    { abortSignal: signal },
  );
  const tagging = new URLSearchParams(
    (tags.TagSet ?? []).map((tag): [string, string] => [
      tag.Key ?? '',
      tag.Value ?? '',
    ]),
  ).toString();
  const journalled = await journalUpload(
    settings.journal,
    client,
    bucket,
    key,
    signal,
  );
  const created = await client.send(
    new s3.CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      Metadata: head.Metadata,
      ContentType: head.ContentType,
      ContentEncoding: head.ContentEncoding,
      ContentDisposition: head.ContentDisposition,
      ContentLanguage: head.ContentLanguage,
      CacheControl: head.CacheControl,
      Expires: head.Expires,
      ...(tagging === '' ? {} : { Tagging: tagging }),
      ...storageClassOf(settings, source),
      ...encryptionOf(settings),
    }),
    { abortSignal: signal },
  );
  const uploadId = created.UploadId ?? '';
  // On disk before any part goes out: a killed run's upload can be aborted by ID.
  await journalled?.attach(uploadId);
  // One failed part stops the others of this object.
  const parts = new AbortController();
  const stop = () => parts.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  let copyEtag: string | undefined;
  try {
    const ranges = partRanges(
      source.size,
      copyPartSize(source.size, settings.partsInFlight, settings.partSize),
    );
    const done = await Promise.all(
      ranges.map((range) =>
        settings.parts.run(async () => {
          parts.signal.throwIfAborted();
          const answer = await client
            .send(
              new s3.UploadPartCopyCommand({
                Bucket: bucket,
                Key: key,
                UploadId: uploadId,
                PartNumber: range.partNumber,
                CopySource: copySource(settings.sourceBucket, source.key),
                CopySourceRange: `bytes=${range.first}-${range.last}`,
                ...pinned,
              }),
              { abortSignal: parts.signal },
            )
            .catch((error: unknown) => {
              parts.abort(error);
              throw error;
            });
          onBytes(range.last - range.first + 1);
          return {
            PartNumber: range.partNumber,
            ETag: answer.CopyPartResult?.ETag,
          };
        }),
      ),
    );
    const completed = await client.send(
      new s3.CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: done },
      }),
      { abortSignal: signal },
    );
    copyEtag = completed.ETag;
  } catch (error) {
    parts.abort(error);
    // Not the cancelled signal: the abort itself must go out. Left to the journal when it fails.
    const aborted = await client
      .send(
        new s3.AbortMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
        }),
      )
      .then(
        () => true,
        () => false,
      );
    if (aborted) await journalled?.forget();
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
  await journalled?.forget();
  await verifyCopy(settings, source, key, copyEtag, head);
}
