/**
 * The fake S3's bucket-to-bucket sync: every source key under the prefix is
 * "new" at the destination, copied on a real run; the totals say the source
 * is in another region.
 */
import type { ObjectRow } from '../../../source/aws/s3/types.js';
import type {
  SyncHooks,
  SyncResult,
  SyncSpec,
} from '../../../source/s3sync/sync-spec.js';

export function fakeBucketCopy(
  bucket: (name: string) => Map<string, ObjectRow>,
  calls: string[],
  spec: SyncSpec,
  hooks: SyncHooks,
): SyncResult {
  const { source, destination } = spec;
  if (source.kind !== 's3' || destination.kind !== 's3')
    throw new Error('both sides are S3');
  calls.push(
    `sync${spec.dryRun ? ' --dryrun' : ''} copy s3://${source.bucket}/${source.prefix} s3://${destination.bucket}/${destination.prefix}`,
  );
  const objects = [...bucket(source.bucket).values()].filter((object) =>
    object.key.startsWith(source.prefix),
  );
  let bytes = 0;
  for (const object of objects) {
    const rel = object.key.slice(source.prefix.length);
    bytes += object.size;
    hooks.onPlanned?.({
      action: 'copy',
      rel,
      reason: 'new',
      bytes: object.size,
    });
    if (!spec.dryRun)
      bucket(destination.bucket).set(destination.prefix + rel, {
        ...object,
        key: destination.prefix + rel,
      });
  }
  return {
    direction: 'copy',
    dryRun: spec.dryRun === true,
    cancelled: false,
    planned: {
      upload: 0,
      download: 0,
      copy: objects.length,
      delete: 0,
      skip: 0,
    },
    plannedBytes: bytes,
    skipped: { unchanged: 0, onlyAtDestination: 0, other: 0 },
    uploaded: 0,
    downloaded: 0,
    copied: spec.dryRun ? 0 : objects.length,
    deleted: 0,
    bytes: spec.dryRun ? 0 : bytes,
    failed: [],
    failedCount: 0,
    warningCount: 0,
    deletesRefused: undefined,
    leftoverUploadsAborted: 0,
    partialsRemoved: 0,
    seconds: 0.1,
    copyTotals: {
      objects: objects.length,
      bytes,
      crossRegion: true,
      sourceRegion: 'eu-west-1',
      destinationRegion: 'us-east-1',
      copyRequests: objects.length,
      listRequests: 3,
      transferBilledBytes: bytes,
    },
  };
}
