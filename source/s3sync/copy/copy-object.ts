/**
 * One object from bucket to bucket without a byte passing through opsdeck:
 * CopyObject up to 5 GiB (metadata and tags copied by S3 itself), above it
 * a multipart upload filled by UploadPartCopy in parallel parts, created
 * with the source's metadata, headers and tags (parts carry none of them).
 * Every copy is pinned to the listed ETag (x-amz-copy-source-if-match), so
 * an object rewritten meanwhile fails instead of mixing versions.
 */
import type { RemoteEntry, PlanItem } from '../plan-types.js';
import {
  copySource,
  encryptionOf,
  storageClassOf,
  type CopySettings,
} from './copy-settings.js';
import { copyInParts } from './multipart-copy.js';
import { verifyCopy } from './verify-copy.js';

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
