/**
 * Walks a local directory in S3 key order (UTF-8 bytes, with a directory
 * sorting as its name plus '/', so `a.b` comes before `a/x`), one directory
 * in memory at a time. Symlinks are followed when asked (a link back to a
 * directory being walked is a loop and is skipped with a warning), else
 * left alone with a warning. Partial downloads
 * that an earlier run left behind are reported, not listed.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../lib/errors.js';
import { compareKeys } from './key-order.js';
import type { LocalEntry } from '../plan-types.js';
import { PARTIAL_NAME } from '../../lib/partial-file.js';

export interface WalkReport {
  /** True when some directory or file could not be read: the listing is not the whole truth. */
  incomplete: boolean;
  readonly warnings: { rel: string; message: string }[];
  /** Absolute paths of stale partial downloads. */
  readonly partials: string[];
  /** Files seen, filtered or not. */
  files: number;
}

export function newWalkReport(): WalkReport {
  return { incomplete: false, warnings: [], partials: [], files: 0 };
}

const STAT_BATCH = 64;

export interface WalkOptions {
  /**
   * Follow symlinks (the source of an upload, as `aws s3 sync` does), or
   * leave them alone with a warning (the destination of a download, as
   * rclone does): nothing is then read, written or deleted through a link.
   */
  readonly followLinks: boolean;
}

export async function* walkLocal(
  root: string,
  report: WalkReport,
  signal?: AbortSignal,
  options: WalkOptions = { followLinks: true },
): AsyncGenerator<LocalEntry> {
  let rootStats: Stats;
  try {
    rootStats = await stat(root);
  } catch (error) {
    throw new UserError(`local directory ${root} cannot be read`, {
      hint:
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'check the path: it does not exist'
          : 'check its permissions',
      cause: error,
    });
  }
  if (!rootStats.isDirectory())
    throw new UserError(`${root} is not a directory`, {
      hint: 'sync takes a directory; use put for a single file',
    });
  yield* walkDirectory(
    root,
    '',
    new Set([`${rootStats.dev}:${rootStats.ino}`]),
    report,
    signal,
    options,
  );
}

/** Only what the walk needs: a flat directory may hold millions. */
interface Child {
  readonly name: string;
  readonly sortKey: string;
  /** "dev:ino" for a directory, undefined for a file. */
  readonly dirId: string | undefined;
  readonly size: number;
  readonly mtimeMs: number;
}

async function* walkDirectory(
  dir: string,
  relDir: string,
  ancestors: Set<string>,
  report: WalkReport,
  signal: AbortSignal | undefined,
  options: WalkOptions,
): AsyncGenerator<LocalEntry> {
  signal?.throwIfAborted();
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    report.incomplete = true;
    report.warnings.push({
      rel: relDir,
      message: `directory not readable: ${(error as Error).message}`,
    });
    return;
  }
  const children: Child[] = [];
  const links = options.followLinks
    ? []
    : entries.filter((entry) => entry.isSymbolicLink());
  for (const link of links)
    report.warnings.push({
      rel: relDir + link.name,
      message:
        'symlink not followed: nothing is read, written or deleted through it',
    });
  const followed = options.followLinks
    ? entries
    : entries.filter((entry) => !entry.isSymbolicLink());
  for (let start = 0; start < followed.length; start += STAT_BATCH) {
    const batch = followed.slice(start, start + STAT_BATCH);
    const stats = await Promise.all(
      batch.map((entry) =>
        stat(join(dir, entry.name)).catch((error: unknown) => error as Error),
      ),
    );
    batch.forEach((entry, index) => {
      const result = stats[index];
      const rel = relDir + entry.name;
      if (result instanceof Error) {
        const code = (result as NodeJS.ErrnoException).code;
        // A dangling symlink is not a file that went missing.
        if (!(entry.isSymbolicLink() && code === 'ENOENT'))
          report.incomplete = true;
        report.warnings.push({
          rel,
          message: entry.isSymbolicLink()
            ? `symlink skipped: ${code === 'ENOENT' ? 'its target does not exist' : result.message}`
            : `not readable: ${result.message}`,
        });
        return;
      }
      if (result === undefined) return;
      if (result.isDirectory())
        children.push({
          name: entry.name,
          sortKey: `${entry.name}/`,
          dirId: `${result.dev}:${result.ino}`,
          size: 0,
          mtimeMs: 0,
        });
      else if (result.isFile()) {
        if (PARTIAL_NAME.test(entry.name))
          report.partials.push(join(dir, entry.name));
        else
          children.push({
            name: entry.name,
            sortKey: entry.name,
            dirId: undefined,
            size: result.size,
            mtimeMs: result.mtimeMs,
          });
      } else
        report.warnings.push({
          rel,
          message: 'not a regular file (device, FIFO or socket): skipped',
        });
    });
  }
  children.sort((a, b) => compareKeys(a.sortKey, b.sortKey));
  for (const child of children) {
    const path = join(dir, child.name);
    const id = child.dirId;
    if (id !== undefined) {
      if (ancestors.has(id)) {
        report.warnings.push({
          rel: `${relDir}${child.name}/`,
          message: 'symlink loop: the directory contains itself; skipped',
        });
        continue;
      }
      ancestors.add(id);
      yield* walkDirectory(
        path,
        `${relDir}${child.name}/`,
        ancestors,
        report,
        signal,
        options,
      );
      ancestors.delete(id);
    } else {
      report.files++;
      yield {
        rel: relDir + child.name,
        path,
        size: child.size,
        mtimeMs: child.mtimeMs,
      };
    }
  }
}
