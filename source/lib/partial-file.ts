/**
 * Where a file is written before it is complete: a hidden, unpredictable
 * name beside its final one, opened only if nothing is there (a symlink
 * planted at a guessable name cannot redirect the write), then renamed.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** `.name.opsdeck-1a2b3c4d.partial` in the same directory. */
export function partialName(path: string): string {
  // Keep within the 255-byte name limit.
  const name = basename(path).slice(0, 200);
  return join(
    dirname(path),
    `.${name}.opsdeck-${randomBytes(4).toString('hex')}.partial`,
  );
}

/** What partialName makes, for walks that must leave such files out. */
export const PARTIAL_NAME = /^\..*\.opsdeck-[0-9a-f]{8}\.partial$/s;
