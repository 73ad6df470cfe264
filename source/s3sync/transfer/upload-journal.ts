/**
 * Multipart uploads opsdeck has started and not yet finished, one small
 * file each in the state directory. A run that was killed leaves its
 * entries; the next sync to that bucket aborts the uploads they name (by
 * upload ID, or, when the run died before it knew the ID, by key and start
 * time) and removes them. Entries of a process that is still running are
 * left alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
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
}

export interface JournalHandle {
  /** Records the upload's ID as soon as it is known. */
  attach(uploadId: string): Promise<void>;
  forget(): Promise<void>;
}

export interface UploadJournal {
  /** Records an upload about to start. */
  begin(bucket: string, key: string): Promise<JournalHandle>;
  /** Entries for `bucket` left by processes that are gone. */
  leftovers(
    bucket: string,
  ): Promise<{ entry: JournalEntry; forget: () => Promise<void> }[]>;
}

export function createUploadJournal(dir: string): UploadJournal {
  const forget = (path: string) => () => unlink(path).catch(() => undefined);
  return {
    async begin(bucket, key) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${randomBytes(8).toString('hex')}.json`);
      const entry: JournalEntry = {
        bucket,
        key,
        startedAt: Date.now(),
        pid: process.pid,
      };
      await writeFile(path, JSON.stringify(entry), { mode: 0o600 });
      return {
        attach: (uploadId) =>
          writeFile(path, JSON.stringify({ ...entry, uploadId }), {
            mode: 0o600,
          }),
        forget: forget(path),
      };
    },
    async leftovers(bucket) {
      const names = await readdir(dir).catch(() => [] as string[]);
      const found = [];
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const path = join(dir, name);
        try {
          const entry = JSON.parse(
            await readFile(path, 'utf8'),
          ) as JournalEntry;
          if (entry.bucket === bucket && !processAlive(entry.pid))
            found.push({ entry, forget: forget(path) });
        } catch {
          // Half-written by a killed run: nothing to act on.
          await unlink(path).catch(() => undefined);
        }
      }
      return found;
    },
  };
}
