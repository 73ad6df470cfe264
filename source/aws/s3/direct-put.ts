/**
 * A PutObject of a whole small body around the SDK (direct-s3.ts), for sync
 * uploads that send one per file: the SDK's middleware cost more CPU per
 * 4 KiB file than the signing and the socket together. The request carries
 * what the SDK's would: the metadata, the content type, and (unless the
 * profile asks for checksums only when required) a CRC32 that S3 stores and
 * checks; the body is signed, so S3 refuses it unless every byte arrived.
 * Anything but a plain 200 gives false and the SDK uploads instead, which
 * retries and explains errors.
 */
import { crc32 } from 'node:zlib';
import type { S3Client } from '@aws-sdk/client-s3';
import { createDirectS3 } from './direct-s3.js';

export interface DirectPutInput {
  readonly bucket: string;
  readonly key: string;
  readonly body: Buffer;
  /** User metadata (x-amz-meta-*): ASCII names and values. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface DirectPutter {
  /** True when the object was stored; false when the SDK should upload it. */
  put(input: DirectPutInput, signal: AbortSignal): Promise<boolean>;
  close(): void;
}

/** The x-amz-checksum-crc32 value: the CRC32, big-endian, in base64. */
export function crc32Header(body: Buffer): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(body));
  return bytes.toString('base64');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The request's headers, as the SDK's PutObject would send them. */
export function putHeaders(
  input: DirectPutInput,
  withChecksum: boolean,
): Record<string, string> | undefined {
  const headers: Record<string, string> = {
    'content-length': String(input.body.length),
    'content-type': 'application/octet-stream',
  };
  for (const [name, value] of Object.entries(input.metadata)) {
    // The SDK encodes other text itself; such metadata stays its job.
    if (!PRINTABLE_ASCII.test(name) || !PRINTABLE_ASCII.test(value))
      return undefined;
    headers[`x-amz-meta-${name.toLowerCase()}`] = value;
  }
  if (withChecksum) {
    headers['x-amz-sdk-checksum-algorithm'] = 'CRC32';
    headers['x-amz-checksum-crc32'] = crc32Header(input.body);
  }
  return headers;
}

export async function createDirectPutter(
  client: S3Client,
): Promise<DirectPutter | undefined> {
  const direct = await createDirectS3(client);
  if (!direct) return undefined;
  // Some S3-compatible stores refuse checksum headers: a profile says so.
  const withChecksum =
    (await client.config.requestChecksumCalculation()) !== 'WHEN_REQUIRED';
  /** Buckets where a PUT went wrong once: SDK from then on. */
  const refused = new Set<string>();
  return {
    async put(input, signal) {
      if (refused.has(input.bucket)) return false;
      const headers = putHeaders(input, withChecksum);
      if (!headers) return false;
      const answer = await direct.send(
        'PUT',
        input.bucket,
        input.key,
        headers,
        signal,
        { body: input.body },
      );
      if (answer !== undefined) return true;
      refused.add(input.bucket);
      return false;
    },
    close: () => direct.close(),
  };
}
