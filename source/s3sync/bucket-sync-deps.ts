/** A bucket copy's clients from a session's factory: one per bucket region, the write guard on each. */
import type { AwsClientFactory } from '../aws/client-factory.js';
import { s3Context } from '../aws/s3/s3-errors.js';
import type { BucketSyncDeps } from './bucket-sync.js';
import { resolveBucketRegion } from './copy/bucket-region.js';
import type { UploadJournal } from './transfer/upload-journal.js';

export { runBucketSync } from './bucket-sync.js';

export function bucketSyncDeps(
  factory: AwsClientFactory,
  journal: UploadJournal | undefined,
): BucketSyncDeps {
  return {
    clientFor: (region) => factory.s3(region),
    regionOf: (bucket, signal) => resolveBucketRegion(factory, bucket, signal),
    ...(journal ? { journal } : {}),
    context: (operation, bucket, key) =>
      s3Context(factory, operation, bucket, key),
  };
}
