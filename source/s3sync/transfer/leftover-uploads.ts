/**
 * Aborts the multipart uploads that a killed opsdeck run left in a bucket,
 * as its journal names them: by upload ID when the run got to record it,
 * else same key and started no earlier than the entry (with a minute of
 * clock slack). Uploads of other tools stay.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { isAbortError } from '../../lib/errors.js';
import { listUploads } from '../../aws/s3/version-listing.js';
import type { UploadJournal } from './upload-journal.js';

const CLOCK_SLACK_MS = 60_000;

export async function cleanLeftoverUploads(
  client: S3Client,
  bucket: string,
  journal: UploadJournal,
  signal: AbortSignal,
): Promise<number> {
  const leftovers = await journal.leftovers(bucket);
  if (leftovers.length === 0) return 0;
  const { AbortMultipartUploadCommand } = await import('@aws-sdk/client-s3');
  let aborted = 0;
  for (const { entry, forget } of leftovers) {
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
            : (upload.initiated?.getTime() ?? 0) >=
              entry.startedAt - CLOCK_SLACK_MS;
        if (!ours) continue;
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
      await forget();
    } catch (error) {
      // Left in the journal for the next run; the sync itself goes on.
      if (isAbortError(error)) throw error;
    }
  }
  return aborted;
}
