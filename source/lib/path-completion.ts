/**
 * Tab completion of local paths in dialogs, the way a shell does it: one
 * match completes (a directory gets its '/'), several complete to their
 * common start and are listed. `~` means the home directory. Pure apart
 * from the directory reader, which tests replace.
 */
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DirEntry {
  readonly name: string;
  readonly directory: boolean;
}

export type ReadDir = (path: string) => readonly DirEntry[];

const readLocalDir: ReadDir = (path) => {
  try {
    return readdirSync(path, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      directory: entry.isDirectory(),
    }));
  } catch {
    return [];
  }
};

export interface Completion {
  /** The new value of the field (unchanged when nothing matches). */
  readonly value: string;
  /** The names that still match, when more than one does. */
  readonly choices: readonly string[];
}

function commonStart(names: readonly string[]): string {
  let start = names[0] ?? '';
  for (const name of names)
    while (!name.startsWith(start)) start = start.slice(0, -1);
  return start;
}

export function completePath(
  value: string,
  readDir: ReadDir = readLocalDir,
  home = homedir(),
): Completion {
  const slash = value.lastIndexOf('/');
  const typedDir = slash === -1 ? '' : value.slice(0, slash + 1);
  const partial = value.slice(slash + 1);
  const lookIn =
    typedDir === ''
      ? '.'
      : typedDir.startsWith('~/')
        ? join(home, typedDir.slice(2))
        : typedDir;
  const matches = readDir(lookIn)
    .filter((entry) => entry.name.startsWith(partial))
    // Hidden entries only when the user asked for them with a dot.
    .filter((entry) => partial.startsWith('.') || !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const [only] = matches;
  if (matches.length === 1 && only)
    return {
      value: `${typedDir}${only.name}${only.directory ? '/' : ''}`,
      choices: [],
    };
  if (matches.length === 0) return { value, choices: [] };
  return {
    value: `${typedDir}${commonStart(matches.map((entry) => entry.name))}`,
    choices: matches.map(
      (entry) => `${entry.name}${entry.directory ? '/' : ''}`,
    ),
  };
}
