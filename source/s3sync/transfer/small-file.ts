/**
 * Small objects, written the way downloadObject writes big ones (hidden
 * random partial name opened only if nothing is there, mtime set, renamed
 * into place, removed on failure) but with blocking calls once the body is
 * in memory. Per file that is open, write, futimes, close and rename: as
 * thread-pool round trips each one wakes a worker thread, which on a busy
 * machine costs more than the call itself; blocking, the five take tens of
 * microseconds on a local disk.
 */
import {
  closeSync,
  futimesSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writevSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { partialName } from '../../lib/partial-file.js';
import type { RemoteEntry } from '../plan-types.js';

/** Objects up to this size are read whole before anything is written. */
export const SMALL_OBJECT = 256 * 1024;

export function shortBody(got: number, remote: RemoteEntry): Error {
  return new Error(
    `got ${got} of ${remote.size} bytes; the object may have changed meanwhile`,
  );
}

/** The body's chunks; throws unless it has exactly the listed size. */
export async function readSmallBody(
  body: Readable,
  remote: RemoteEntry,
): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let got = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    got += buffer.length;
    // More than listed: the object changed; stop reading it.
    if (got > remote.size) break;
    chunks.push(buffer);
  }
  if (got !== remote.size) throw shortBody(got, remote);
  return chunks;
}

/** Why a rename into place failed, in the words a sysadmin needs. */
export function explainRename(
  error: unknown,
  path: string,
  remote: RemoteEntry,
): never {
  let existing;
  try {
    existing = statSync(path);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory())
    throw new Error(
      `${path} is a directory (the bucket has both ${remote.key} and keys under ${remote.key}/)`,
    );
  throw error;
}

/** A small download under way: its open partial file. */
export interface SmallFile {
  readonly fd: number;
  readonly temp: string;
  readonly path: string;
}

/**
 * Opens the partial file before the GET, as big downloads do: the directory
 * exists from the start, so of `a` and `a/x` it is always `a` that clashes.
 */
export function openSmallFile(
  path: string,
  directories: Set<string> | undefined,
): SmallFile {
  const dir = dirname(path);
  const temp = partialName(path);
  let fd: number;
  try {
    if (directories?.has(dir) !== true) mkdirSync(dir, { recursive: true });
    fd = openSync(temp, 'wx', 0o644);
  } catch (error) {
    // A directory remembered from earlier may have been removed since.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
    fd = openSync(temp, 'wx', 0o644);
  }
  directories?.add(dir);
  return { fd, temp, path };
}

/** Writes the body, sets the object's time and renames the file into place. */
export function finishSmallFile(
  file: SmallFile,
  chunks: readonly Buffer[],
  remote: RemoteEntry,
): void {
  try {
    try {
      const written = chunks.length > 0 ? writevSync(file.fd, chunks, 0) : 0;
      if (written !== remote.size)
        throw new Error(`short write: ${written} of ${remote.size} bytes`);
      // The next run compares this time with LastModified: no change, no transfer.
      const seconds = remote.modifiedMs / 1000;
      futimesSync(file.fd, seconds, seconds);
    } finally {
      closeSync(file.fd);
    }
    try {
      renameSync(file.temp, file.path);
    } catch (error) {
      explainRename(error, file.path, remote);
    }
  } catch (error) {
    removeQuietly(file.temp);
    throw error;
  }
}

/** Closes and removes the partial file of a download that failed. */
export function discardSmallFile(file: SmallFile): void {
  try {
    closeSync(file.fd);
  } catch {
    // Closed already.
  }
  removeQuietly(file.temp);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
