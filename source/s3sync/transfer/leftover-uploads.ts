/**
 * Aborts the multipart uploads that a killed opsdeck run left in a bucket,
 * as its journal names them: by upload ID when the run got to record it,
 * else those of the key that were not pending when it began (older entries:
 * started no earlier than the entry, with a minute of clock slack). Uploads
 * that were there before stay.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { isAbortError } from '../../lib/errors.js';
import { listUploads } from '../../aws/s3/version-listing.js';
import type { UploadJournal } from './upload-journal.js';

const CLOCK_SLACK_MS = 60_000;
/**
 * An entry without an upload ID is kept this long when nothing matched it:
 * a killed run's CreateMultipartUpload can still be answered after the next
 * run looked, and its upload must not become "already pending" for good.
 */
const UNKNOWN_ID_KEEP_MS = 60 * 60_000;

export async function cleanLeftoverUploads(
  client: S3Client,
  bucket: string,
  journal: UploadJournal,
  signal: AbortSignal,
): Promise<number> {
  const leftovers = await journal.leftovers(bucket);
  if (leftovers.length === 0) return 0;
  const { AbortMultipartUploadCommand } = await import('@aws-sdk/client-s3');
  // A running opsdeck's upload of the same key is never taken for a leftover.
  const live = await journal.liveUploadIds(bucket);
  let aborted = 0;
  for (const { entry, forget } of leftovers) {
    let matched = false;
    try {
      for await (const upload of listUploads(
        client,
        bucket,
        signal,
        entry.key,
      )) {
        if (upload.key !== entry.key) continue;
        const ours =
          entry.uploadId !== undefined
            ? upload.uploadId === entry.uploadId
            : entry.preexisting !== undefined
              ? !entry.preexisting.includes(upload.uploadId)
              : (upload.initiated?.getTime() ?? 0) >=
                entry.startedAt - CLOCK_SLACK_MS;
        if (!ours || live.has(upload.uploadId)) continue;
        matched = true;
        await client.send(
          new AbortMultipartUploadCommand({
            Bucket: bucket,
            Key: upload.key,
            UploadId: upload.uploadId,
          }),
          { abortSignal: signal },
        );
        aborted++;
      }
      if (
        entry.uploadId !== undefined ||
        matched ||
        Date.now() - entry.startedAt > UNKNOWN_ID_KEEP_MS
      )
        await forget();
    } catch (error) {
      // Left in the journal for the next run; the sync itself goes on.
      if (isAbortError(error)) throw error;
    }
  }
  return aborted;
}
