/**
 * A sync down writes only inside its directory: a symlink planted there
 * (`sub -> /etc`) must not carry a download (`sub/passwd`) outside it. The
 * walk does not follow links on that side; this refuses to write through one.
 */
import { lstat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../../lib/errors.js';

/**
 * Throws when a directory between `root` and `path` is a symlink. `checked`
 * remembers directories already seen to be real, across the files of a sync.
 */
export async function assertNoLinkOnPath(
  root: string,
  path: string,
  checked: Set<string>,
): Promise<void> {
  const base = resolve(root);
  const parts = relative(base, dirname(path)).split(sep).filter(Boolean);
  let current = base;
  for (const part of parts) {
    current = join(current, part);
    if (checked.has(current)) continue;
    const stats = await lstat(current).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    // Missing from here on: the download makes real directories.
    if (stats === undefined) return;
    if (stats.isSymbolicLink())
      throw new UserError(
        `${relative(base, current)} is a symlink: nothing is written through it`,
        {
          hint: 'a sync down never follows links in its directory; replace the link with a directory to sync into it',
        },
      );
    checked.add(current);
  }
}
