/**
 * A bucket's contents copied to another bucket by the bucket-to-bucket
 * sync (server-side copies, multipart copies journalled under `uploadsDir`):
 * the wizard's copy step and the catch-up sync after it.
 */
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import type { SyncHooks, SyncResult } from '../../../s3sync/sync-spec.js';

export async function syncBuckets(
  factory: AwsClientFactory,
  buckets: { readonly source: string; readonly target: string },
  uploadsDir: string,
  hooks: SyncHooks,
): Promise<SyncResult> {
  const [{ runBucketSync, bucketSyncDeps }, { createUploadJournal }] =
    await Promise.all([
      import('../../../s3sync/bucket-sync-deps.js'),
      import('../../../s3sync/transfer/upload-journal.js'),
    ]);
  return runBucketSync(
    {
      source: { kind: 's3', bucket: buckets.source, prefix: '' },
      destination: { kind: 's3', bucket: buckets.target, prefix: '' },
    },
    bucketSyncDeps(factory, createUploadJournal(uploadsDir)),
    hooks,
  );
}
