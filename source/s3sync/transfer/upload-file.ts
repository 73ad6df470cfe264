/**
 * One file to one object: a PutObject below the multipart threshold,
 * lib-storage's multipart Upload above it. Multipart uploads are journalled
 * while they run, and aborted on cancel or failure, so none is left behind.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DirectPutter } from '../../aws/s3/direct-put.js';
import type { JournalHandle, UploadJournal } from './upload-journal.js';
import { onUploadCreated } from './upload-id-watch.js';
import { listUploads } from '../../aws/s3/version-listing.js';
import type { LocalEntry } from '../plan-types.js';

export const MiB = 1024 * 1024;
/** Objects are marked so a listing of their metadata shows who wrote them. */
const SYNC_MARK = 'opsdeck-sync';
const MAX_PARTS = 10_000;

export interface UploadSettings {
  readonly multipartThreshold: number;
  readonly partSize: number;
  /** Parts in flight per file. */
  readonly partsPerFile: number;
  readonly journal: UploadJournal | undefined;
  /** Small uploads without the SDK's per-request cost, when the endpoint allows. */
  readonly directPut?: DirectPutter | undefined;
}

/** The part size for `size` bytes: the setting, grown in whole MiB to stay within 10,000 parts. */
function partSizeFor(size: number, wanted: number): number {
  const minimum = Math.ceil(size / MAX_PARTS / MiB) * MiB;
  return Math.max(wanted, minimum, 5 * MiB);
}

export async function uploadFile(
  client: S3Client,
  bucket: string,
  key: string,
  entry: LocalEntry,
  settings: UploadSettings,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<void> {
  // rclone's convention: the file's mtime in float seconds.
  const Metadata = {
    [SYNC_MARK]: '1',
    mtime: (entry.mtimeMs / 1000).toFixed(3),
  };
  if (entry.size < settings.multipartThreshold) {
    const body = await readFile(entry.path, { signal });
    if (
      await settings.directPut?.put(
        { bucket, key, body, metadata: Metadata },
        signal,
      )
    ) {
      onBytes(body.length);
      return;
    }
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        Metadata,
      }),
      { abortSignal: signal },
    );
    onBytes(body.length);
    return;
  }
  const { Upload } = await import('@aws-sdk/lib-storage');
  const journalled = await journalUpload(
    settings.journal,
    client,
    bucket,
    key,
    signal,
  );
  const stopWatching = journalled
    ? onUploadCreated(client, bucket, key, (id) => journalled.attach(id))
    : () => undefined;
  const upload = new Upload({
    client,
    params: {
      Bucket: bucket,
      Key: key,
      Body: createReadStream(entry.path, { highWaterMark: MiB }),
      ContentLength: entry.size,
      Metadata,
    },
    partSize: partSizeFor(entry.size, settings.partSize),
    queueSize: settings.partsPerFile,
    leavePartsOnError: false,
  });
  let sent = 0;
  upload.on('httpUploadProgress', (progress) => {
    const loaded = progress.loaded ?? 0;
    if (loaded > sent) {
      onBytes(loaded - sent);
      sent = loaded;
    }
  });
  const onAbort = () => void upload.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await upload.done();
  } catch (error) {
    if (await abortLeftUpload(client, bucket, key, upload))
      await journalled?.forget();
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    stopWatching();
  }
  await journalled?.forget();
}

/**
 * Upload.done() rejects at once on abort while its CreateMultipartUpload may
 * still be answering: wait for it, then abort the upload it made.
 */
async function abortLeftUpload(
  client: S3Client,
  bucket: string,
  key: string,
  upload: { uploadId?: string },
): Promise<boolean> {
  const creating = (upload as { createMultiPartPromise?: Promise<unknown> })
    .createMultiPartPromise;
  await creating?.catch(() => undefined);
  if (upload.uploadId === undefined) return true;
  const { AbortMultipartUploadCommand } = await import('@aws-sdk/client-s3');
  // Not the cancelled signal: the abort itself must go out. Left to the journal when it fails.
  return client
    .send(
      new AbortMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: upload.uploadId,
      }),
    )
    .then(
      () => true,
      () => false,
    );
}

/**
 * Journals a multipart upload (or copy) about to start, with the uploads of
 * its key already pending, so they are never taken for this run's.
 */
export async function journalUpload(
  journal: UploadJournal | undefined,
  client: S3Client,
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<JournalHandle | undefined> {
  if (!journal) return undefined;
  return journal.begin(
    bucket,
    key,
    await pendingUploadIds(client, bucket, key, signal),
  );
}

/** The uploads of `key` already pending: not this run's, whatever happens to it. */
async function pendingUploadIds(
  client: S3Client,
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const upload of listUploads(client, bucket, signal, key))
    if (upload.key === key) ids.push(upload.uploadId);
  return ids;
}
