/**
 * One object to one file, never half-written under the final name: the
 * bytes go to `.name.opsdeck-XXXXXXXX.partial` in the target directory,
 * whose mtime is set to the object's time, and only a complete file is
 * renamed into place. Big objects come as parallel ranged GETs pinned to
 * the listed ETag, so a change mid-download fails instead of mixing versions.
 *
 * Most files of a sync are small: those are read whole, then written with
 * blocking calls (small-file.ts), since each of the five file-system calls
 * per file would otherwise be a thread-pool round trip.
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import type { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DirectGetter } from '../../aws/s3/direct-get.js';
import type { Limiter } from '../../aws/s3/limiter.js';
import { isAbortError } from '../../lib/errors.js';
import { writeBody } from './body-writer.js';
import type { RemoteEntry } from '../plan-types.js';
import { partialName } from '../../lib/partial-file.js';
import {
  SMALL_OBJECT,
  discardSmallFile,
  explainRename,
  finishSmallFile,
  openSmallFile,
  readSmallBody,
  shortBody,
} from './small-file.js';

export interface DownloadSettings {
  readonly rangedThreshold: number;
  readonly partSize: number;
  /** Shared by every file: ranged GETs in flight. */
  readonly parts: Limiter;
  /** Directories known to exist, shared by the files of one sync. */
  readonly directories?: Set<string>;
  /** Small objects without the SDK's per-request cost (it answers undefined to decline). */
  readonly direct?: DirectGetter | undefined;
}

export async function downloadObject(
  client: S3Client,
  bucket: string,
  remote: RemoteEntry,
  path: string,
  settings: DownloadSettings,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<void> {
  if (remote.size <= SMALL_OBJECT) {
    const small = openSmallFile(path, settings.directories);
    let chunks: Buffer[];
    try {
      chunks =
        (await settings.direct?.get(bucket, remote, signal)) ??
        (await readSmallBody(
          await send(client, bucket, remote, signal),
          remote,
        ));
    } catch (error) {
      discardSmallFile(small);
      throw error;
    }
    finishSmallFile(small, chunks, remote);
    onBytes(remote.size);
    return;
  }
  const temp = partialName(path);
  const file = await openTemp(temp, dirname(path), settings.directories);
  try {
    try {
      const written =
        remote.size < settings.rangedThreshold
          ? await wholeGet(client, bucket, remote, file, signal, onBytes)
          : await rangedGet(
              client,
              bucket,
              remote,
              file,
              settings,
              signal,
              onBytes,
            );
      if (written !== remote.size) throw shortBody(written, remote);
      // The next run compares this time with LastModified: no change, no transfer.
      const seconds = remote.modifiedMs / 1000;
      await file.utimes(seconds, seconds);
    } finally {
      await file.close();
    }
    await rename(temp, path).catch((error: unknown) =>
      explainRename(error, path, remote),
    );
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Creates the temporary file, and its directory when it is not known to exist. */
async function openTemp(
  temp: string,
  dir: string,
  directories: Set<string> | undefined,
): Promise<FileHandle> {
  if (directories?.has(dir) !== true) {
    await mkdir(dir, { recursive: true });
    directories?.add(dir);
  }
  try {
    return await open(temp, 'wx', 0o644);
  } catch (error) {
    // A directory remembered from earlier may have been removed since.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !directories)
      throw error;
    directories.delete(dir);
    await mkdir(dir, { recursive: true });
    directories.add(dir);
    return open(temp, 'wx', 0o644);
  }
}

// Looked up once: a sync sends thousands of GETs.
let getObjectCommand: Promise<typeof GetObjectCommand> | undefined;

async function send(
  client: S3Client,
  bucket: string,
  remote: RemoteEntry,
  signal: AbortSignal,
  range?: string,
): Promise<Readable> {
  getObjectCommand ??= import('@aws-sdk/client-s3').then(
    (module) => module.GetObjectCommand,
  );
  const Command = await getObjectCommand;
  const answer = await client.send(
    new Command({
      Bucket: bucket,
      Key: remote.key,
      ...(range === undefined ? {} : { Range: range }),
      ...(remote.etag === undefined ? {} : { IfMatch: remote.etag }),
    }),
    { abortSignal: signal },
  );
  return answer.Body as Readable;
}

async function wholeGet(
  client: S3Client,
  bucket: string,
  remote: RemoteEntry,
  file: FileHandle,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<number> {
  const body = await send(client, bucket, remote, signal);
  return writeBody(body, file, 0, onBytes);
}

async function rangedGet(
  client: S3Client,
  bucket: string,
  remote: RemoteEntry,
  file: FileHandle,
  settings: DownloadSettings,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<number> {
  await file.truncate(remote.size);
  const starts: number[] = [];
  for (let start = 0; start < remote.size; start += settings.partSize)
    starts.push(start);
  const inner = new AbortController();
  const stop = () => inner.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  let written = 0;
  try {
    // Settled, not all: no part may still write when the file closes.
    const results = await Promise.allSettled(
      starts.map((start) =>
        settings.parts.run(async () => {
          inner.signal.throwIfAborted();
          const end = Math.min(remote.size, start + settings.partSize) - 1;
          try {
            const body = await send(
              client,
              bucket,
              remote,
              inner.signal,
              `bytes=${start}-${end}`,
            );
            const got = await writeBody(body, file, start, onBytes);
            if (got !== end + 1 - start)
              throw new Error(
                `range ${start}-${end} ended early at ${start + got}`,
              );
            written += got;
          } catch (error) {
            // One part failed: stop the others instead of finishing a useless file.
            inner.abort(error);
            throw error;
          }
        }),
      ),
    );
    const reasons = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    // The part that failed first, not the ones stopped because of it.
    if (reasons.length > 0)
      throw reasons.find((reason) => !isAbortError(reason)) ?? reasons[0];
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return written;
}
