/**
 * Which region a bucket lives in, so its listing and its copies go to that
 * region's endpoint (a cross-region copy is sent to the destination's region
 * and names the source). GetBucketLocation first; HeadBucket answers the
 * region too, for roles allowed s3:ListBucket but not s3:GetBucketLocation.
 */
import { bucketRegion } from '../../aws/s3/buckets.js';
import type { AwsClientFactory } from '../../aws/client-factory.js';
import { isAbortError } from '../../lib/errors.js';

export async function resolveBucketRegion(
  factory: AwsClientFactory,
  bucket: string,
  signal: AbortSignal,
): Promise<string> {
  const client = await factory.s3();
  try {
    return await bucketRegion(factory, client, bucket, signal);
  } catch (error) {
    if (isAbortError(error)) throw error;
    const { HeadBucketCommand } = await import('@aws-sdk/client-s3');
    const answer = await client
      .send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal })
      .catch(() => undefined);
    if (answer?.BucketRegion) return answer.BucketRegion;
    throw error;
  }
}
