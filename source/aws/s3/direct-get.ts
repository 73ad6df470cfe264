/**
 * A GET of a whole small object around the SDK (direct-s3.ts), for sync
 * downloads: only objects whose listed ETag is a plain MD5, pinned to that
 * ETag with If-Match and checked against it, so nothing is taken on less
 * evidence than the SDK's own checks. Anything else is the SDK's.
 */
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { createDirectS3 } from './direct-s3.js';

/** What the listing said of the object: the body must be exactly this. */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly etag?: string | undefined;
}

export interface DirectGetter {
  /** The body's chunks; undefined when the SDK should fetch it instead. */
  get(
    bucket: string,
    object: ListedObject,
    signal: AbortSignal,
  ): Promise<Buffer[] | undefined>;
  close(): void;
}

/** A plain single-part ETag is the body's MD5; others (multipart, KMS) are not. */
function md5Etag(etag: string | undefined): string | undefined {
  const bare = etag?.replace(/"/g, '').toLowerCase();
  return bare !== undefined && /^[0-9a-f]{32}$/.test(bare) ? bare : undefined;
}

export async function createDirectGetter(
  client: S3Client,
): Promise<DirectGetter | undefined> {
  const direct = await createDirectS3(client);
  if (!direct) return undefined;
  /** Buckets whose GETs went wrong once (another region, say): SDK from then on. */
  const refused = new Set<string>();
  return {
    async get(bucket, object, signal) {
      const md5 = md5Etag(object.etag);
      if (refused.has(bucket) || md5 === undefined || !object.etag)
        return undefined;
      const chunks = await direct.send(
        'GET',
        bucket,
        object.key,
        { 'if-match': object.etag },
        signal,
      );
      if (chunks !== undefined && matches(chunks, object.size, md5))
        return chunks;
      // An error status, or an ETag that looks like an MD5 and is not
      // (SSE-KMS): the bucket's other objects are probably alike.
      refused.add(bucket);
      return undefined;
    },
    close: () => direct.close(),
  };
}

function matches(chunks: Buffer[], size: number, md5: string): boolean {
  let got = 0;
  for (const chunk of chunks) got += chunk.length;
  if (got !== size) return false;
  const hash = createHash('md5');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex') === md5;
}
