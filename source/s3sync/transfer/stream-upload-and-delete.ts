/**
 * S3 work of the console that is not a file transfer: a stream of unknown
 * length going up (a MySQL dump) and deletes under prefixes.
 */
import type { Readable } from 'node:stream';
import type { AwsClientFactory } from '../../aws/client-factory.js';
import type { DeleteResult } from '../../aws/s3/types.js';

const MiB = 1024 * 1024;

export async function uploadStream(
  factory: AwsClientFactory,
  bucket: string,
  key: string,
  body: Readable,
  signal: AbortSignal,
): Promise<void> {
  const [{ Upload }, { s3Call, s3Context }] = await Promise.all([
    import('@aws-sdk/lib-storage'),
    import('../../aws/s3/s3-errors.js'),
  ]);
  const client = await factory.s3();
  const upload = new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: body },
    partSize: 8 * MiB,
    queueSize: 4,
    // A failed or cancelled dump leaves no multipart upload behind.
    leavePartsOnError: false,
  });
  const abort = () => void upload.abort();
  signal.addEventListener('abort', abort, { once: true });
  try {
    await s3Call(s3Context(factory, 'PutObject', bucket, key), () =>
      upload.done(),
    );
  } finally {
    signal.removeEventListener('abort', abort);
  }
}

export async function deleteUnder(
  factory: AwsClientFactory,
  bucket: string,
  keys: readonly string[],
  prefixes: readonly string[],
  signal: AbortSignal,
  onDeleted: (count: number) => void,
): Promise<DeleteResult> {
  const { createS3Service } = await import('../../aws/s3/s3-service.js');
  const s3 = createS3Service(factory);
  const all = [...keys];
  for (const prefix of prefixes) {
    let cursor: string | undefined;
    do {
      const page = await s3.listObjects(
        bucket,
        { prefix, ...(cursor === undefined ? {} : { cursor }) },
        signal,
      );
      all.push(...page.objects.map((object) => object.key));
      cursor = page.next;
    } while (cursor !== undefined);
  }
  const result = await s3.deleteObjects(bucket, all, signal);
  onDeleted(result.deleted);
  return result;
}
