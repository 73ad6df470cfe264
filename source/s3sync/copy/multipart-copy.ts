/**
 * An object above CopyObject's 5 GiB (or the sync's threshold) copied by
 * UploadPartCopy in parallel parts, into a multipart upload created with the
 * source's metadata, headers and tags, which parts do not carry.
 */
import type { RemoteEntry } from '../plan-types.js';
import { journalUpload } from '../transfer/upload-file.js';
import { copyPartSize, partRanges } from './copy-parts.js';
import {
  copySource,
  encryptionOf,
  storageClassOf,
  type CopySettings,
} from './copy-settings.js';
import { verifyCopy } from './verify-copy.js';

export async function copyInParts(
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
