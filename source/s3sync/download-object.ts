/**
 * One object to one file, never half-written under the final name: the
 * bytes go to `.name.opsdeck-XXXXXXXX.partial` in the target directory,
 * whose mtime is set to the object's time, and only a complete file is
 * renamed into place. Big objects come as parallel ranged GETs pinned to
 * the listed ETag, so a change mid-download fails instead of mixing versions.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Limiter } from '../aws/s3/limiter.js';
import { isAbortError } from '../errors.js';
import type { RemoteEntry } from './types.js';

export interface DownloadSettings {
  readonly rangedThreshold: number;
  readonly partSize: number;
  /** Shared by every file: ranged GETs in flight. */
  readonly parts: Limiter;
}

export function partialName(path: string): string {
  // Keep within the 255-byte name limit.
  const name = basename(path).slice(0, 200);
  return join(
    dirname(path),
    `.${name}.opsdeck-${randomBytes(4).toString('hex')}.partial`,
  );
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
  await mkdir(dirname(path), { recursive: true });
  const temp = partialName(path);
  try {
    if (remote.size < settings.rangedThreshold)
      await wholeGet(client, bucket, remote, temp, signal, onBytes);
    else
      await rangedGet(client, bucket, remote, temp, settings, signal, onBytes);
    const written = (await stat(temp)).size;
    if (written !== remote.size)
      throw new Error(
        `got ${written} of ${remote.size} bytes; the object may have changed meanwhile`,
      );
    // The next run compares this time with LastModified: no change, no transfer.
    const seconds = remote.modifiedMs / 1000;
    await utimes(temp, seconds, seconds);
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory())
      throw new Error(
        `${path} is a directory (the bucket has both ${remote.key} and keys under ${remote.key}/)`,
      );
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function send(
  client: S3Client,
  bucket: string,
  remote: RemoteEntry,
  signal: AbortSignal,
  range?: string,
): Promise<Readable> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const answer = await client.send(
    new GetObjectCommand({
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
  temp: string,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<void> {
  const body = await send(client, bucket, remote, signal);
  body.on('data', (chunk: Buffer) => onBytes(chunk.length));
  await pipeline(body, createWriteStream(temp, { mode: 0o644 }), { signal });
}

async function rangedGet(
  client: S3Client,
  bucket: string,
  remote: RemoteEntry,
  temp: string,
  settings: DownloadSettings,
  signal: AbortSignal,
  onBytes: (count: number) => void,
): Promise<void> {
  const file = await open(temp, 'w', 0o644);
  try {
    await file.truncate(remote.size);
    const starts: number[] = [];
    for (let start = 0; start < remote.size; start += settings.partSize)
      starts.push(start);
    const inner = new AbortController();
    const stop = () => inner.abort(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
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
              let position = start;
              for await (const chunk of body) {
                const buffer = chunk as Buffer;
                await file.write(buffer, 0, buffer.length, position);
                position += buffer.length;
                onBytes(buffer.length);
              }
              if (position !== end + 1)
                throw new Error(
                  `range ${start}-${end} ended early at ${position}`,
                );
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
  } finally {
    await file.close();
  }
}
