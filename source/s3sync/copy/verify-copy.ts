/**
 * Did the copy arrive whole? When the copy's ETag is the source's (a plain
 * CopyObject without KMS) nothing more is asked. Otherwise (multipart copies,
 * KMS, whose ETags are no MD5) the copy's size must be the listed size, and
 * a full-object checksum both sides carry (CRC32 and friends) must agree.
 */
import type { HeadObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { UserError } from '../../lib/errors.js';
import { normaliseEtag } from '../plan/multipart-etag.js';
import type { RemoteEntry } from '../plan-types.js';

const CHECKSUMS = [
  'ChecksumCRC32',
  'ChecksumCRC32C',
  'ChecksumCRC64NVME',
  'ChecksumSHA1',
  'ChecksumSHA256',
] as const;

type Checksums = Partial<Record<(typeof CHECKSUMS)[number], string>>;

export interface VerifyTarget {
  readonly client: S3Client;
  readonly sourceClient: S3Client;
  readonly sourceBucket: string;
  readonly bucket: string;
}

/** The first full-object checksum both carry that differs, if any ("-N" ones cover parts). */
export function checksumMismatch(
  source: Checksums,
  copy: Checksums,
): string | undefined {
  for (const name of CHECKSUMS) {
    const a = source[name];
    const b = copy[name];
    if (a === undefined || b === undefined) continue;
    if (a.includes('-') || b.includes('-')) continue;
    if (a !== b) return name.replace('Checksum', '');
  }
  return undefined;
}

export async function verifyCopy(
  target: VerifyTarget,
  source: RemoteEntry,
  key: string,
  copyEtag: string | undefined,
  sourceHead?: HeadObjectCommandOutput,
): Promise<void> {
  if (
    copyEtag !== undefined &&
    source.etag !== undefined &&
    normaliseEtag(copyEtag) === normaliseEtag(source.etag)
  )
    return;
  const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
  const head = (client: S3Client, bucket: string, name: string) =>
    client.send(
      new HeadObjectCommand({
        Bucket: bucket,
        Key: name,
        ChecksumMode: 'ENABLED',
      }),
    );
  const [original, copy] = await Promise.all([
    sourceHead ?? head(target.sourceClient, target.sourceBucket, source.key),
    head(target.client, target.bucket, key),
  ]);
  const where = `s3://${target.bucket}/${key}`;
  if (copy.ContentLength !== source.size)
    throw new UserError(
      `the copy at ${where} has ${copy.ContentLength ?? 0} bytes, the source ${source.size}`,
      { hint: 'the source changed while it was copied; run the sync again' },
    );
  const differs = checksumMismatch(original, copy);
  if (differs !== undefined)
    throw new UserError(
      `the copy at ${where} has another ${differs} checksum than its source`,
      { hint: 'the source changed while it was copied; run the sync again' },
    );
}
