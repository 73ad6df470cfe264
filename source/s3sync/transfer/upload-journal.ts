/**
 * Multipart uploads opsdeck has started and not yet finished, one small
 * file each in the state directory. A run that was killed leaves its
 * entries; the next sync to that bucket aborts the uploads they name (by
 * upload ID, or, when the run died before it knew the ID, the uploads of
 * that key that were not pending before it began) and removes them.
 * Entries of a process that is still running are left alone.
 */
import { randomBytes } from 'node:crypto';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { processAlive } from '../../lib/process-alive.js';

export interface JournalEntry {
  readonly bucket: string;
  readonly key: string;
  /** Epoch ms, taken before the upload was created. */
  readonly startedAt: number;
  readonly pid: number;
  /** Known once the upload exists; then exactly this upload is aborted. */
  readonly uploadId?: string;
  /**
   * Uploads of the key already pending when this one began: until the ID is
   * known, any other of that key is this run's (server clocks cannot tell).
   */
  readonly preexisting?: readonly string[];
}

export interface JournalHandle {
  /** Records the upload's ID as soon as it is known. */
  attach(uploadId: string): Promise<void>;
  forget(): Promise<void>;
}

export interface UploadJournal {
  /** Records an upload about to start, and the uploads of its key already pending. */
  begin(
    bucket: string,
    key: string,
    preexisting?: readonly string[],
  ): Promise<JournalHandle>;
  /** Entries for `bucket` left by processes that are gone. */
  leftovers(
    bucket: string,
  ): Promise<{ entry: JournalEntry; forget: () => Promise<void> }[]>;
  /** Upload IDs of `bucket` that running processes are still working on. */
  liveUploadIds(bucket: string): Promise<Set<string>>;
}

export function createUploadJournal(dir: string): UploadJournal {
  const forget = (path: string) => () => unlink(path).catch(() => undefined);
  // A kill while the file is written must not lose what it held before:
  // write aside, then rename over it in one step.
  const save = async (path: string, entry: JournalEntry) => {
    const aside = `${path}.${process.pid}.tmp`;
    await writeFile(aside, JSON.stringify(entry), { mode: 0o600 });
    await rename(aside, path);
  };
  async function read(
    bucket: string,
  ): Promise<{ entry: JournalEntry; path: string }[]> {
    const names = await readdir(dir).catch(() => [] as string[]);
    const found = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const path = join(dir, name);
      try {
        const entry = JSON.parse(await readFile(path, 'utf8')) as JournalEntry;
        if (entry.bucket === bucket) found.push({ entry, path });
      } catch {
        // Half-written by a killed run: nothing to act on.
        await unlink(path).catch(() => undefined);
      }
    }
    return found;
  }
  return {
    async begin(bucket, key, preexisting) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${randomBytes(8).toString('hex')}.json`);
      const entry: JournalEntry = {
        bucket,
        key,
        startedAt: Date.now(),
        pid: process.pid,
        ...(preexisting === undefined ? {} : { preexisting }),
      };
      await save(path, entry);
      return {
        attach: (uploadId) => save(path, { ...entry, uploadId }),
        forget: forget(path),
      };
    },
    async leftovers(bucket) {
      return (await read(bucket))
        .filter(({ entry }) => !processAlive(entry.pid))
        .map(({ entry, path }) => ({ entry, forget: forget(path) }));
    },
    async liveUploadIds(bucket) {
      const ids = new Set<string>();
      for (const { entry } of await read(bucket))
        if (processAlive(entry.pid) && entry.uploadId) ids.add(entry.uploadId);
      return ids;
    },
  };
}
