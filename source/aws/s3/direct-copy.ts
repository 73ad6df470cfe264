/**
 * CopyObject around the SDK (direct-s3.ts), for bucket-to-bucket syncs that
 * send one per object: the same headers the SDK would send (metadata and
 * tags copied, pinned to the listed ETag), the copy's ETag read from the
 * answer. S3 can answer a copy with 200 and an error in the body: that, and
 * anything else unusual, gives undefined and the SDK copies instead, which
 * retries and explains errors.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createDirectS3 } from './direct-s3.js';

export interface DirectCopyInput {
  /** The x-amz-copy-source value: bucket/key, the key URL-encoded. */
  readonly copySource: string;
  readonly bucket: string;
  readonly key: string;
  readonly ifMatch?: string | undefined;
  readonly storageClass?: string | undefined;
  readonly sse?: string | undefined;
  readonly sseKmsKeyId?: string | undefined;
}

export interface DirectCopier {
  /** The copy's ETag; undefined when the SDK should copy instead. */
  copy(
    input: DirectCopyInput,
    signal: AbortSignal,
  ): Promise<string | undefined>;
  close(): void;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&quot;': '"',
  '&#34;': '"',
  '&amp;': '&',
};

/** The ETag of a CopyObjectResult; undefined for an error body or none. */
export function copyResultEtag(body: string): string | undefined {
  if (body.includes('<Error>')) return undefined;
  const etag = /<ETag>([^<]*)<\/ETag>/.exec(body)?.[1];
  return etag?.replace(
    /&quot;|&#34;|&amp;/g,
    (entity) => ENTITIES[entity] ?? '',
  );
}

export async function createDirectCopier(
  client: S3Client,
): Promise<DirectCopier | undefined> {
  const direct = await createDirectS3(client);
  if (!direct) return undefined;
  /** Destination buckets where a copy went wrong once: SDK from then on. */
  const refused = new Set<string>();
  return {
    async copy(input, signal) {
      if (refused.has(input.bucket)) return undefined;
      const optional = (name: string, value: string | undefined) =>
        value === undefined ? {} : { [name]: value };
      const chunks = await direct.send(
        'PUT',
        input.bucket,
        input.key,
        {
          'x-amz-copy-source': input.copySource,
          'x-amz-metadata-directive': 'COPY',
          'x-amz-tagging-directive': 'COPY',
          ...optional('x-amz-copy-source-if-match', input.ifMatch),
          ...optional('x-amz-storage-class', input.storageClass),
          ...optional('x-amz-server-side-encryption', input.sse),
          ...optional(
            'x-amz-server-side-encryption-aws-kms-key-id',
            input.sseKmsKeyId,
          ),
        },
        signal,
      );
      const etag =
        chunks === undefined
          ? undefined
          : copyResultEtag(Buffer.concat(chunks).toString('utf8'));
      if (etag === undefined) refused.add(input.bucket);
      return etag;
    },
    close: () => direct.close(),
  };
}
