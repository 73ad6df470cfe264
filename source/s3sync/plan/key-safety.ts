/**
 * Where a key may land on disk. Keys are any bytes; local paths are not.
 * A key that would leave the target directory (`..`, an absolute path) or
 * cannot be a file name (NUL, empty segments) is skipped with a warning;
 * folder markers (`dir/`, `dir_$folder$`) are not files at all.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../../lib/errors.js';

export type KeyVerdict =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'folder-marker' }
  | { readonly kind: 'unsafe'; readonly reason: string };

export function isFolderMarker(rel: string): boolean {
  return rel.endsWith('/') || rel.endsWith('_$folder$');
}

export function localPathForKey(root: string, rel: string): KeyVerdict {
  if (isFolderMarker(rel)) return { kind: 'folder-marker' };
  if (rel === '') return { kind: 'unsafe', reason: 'empty name' };
  if (rel.includes('\0')) return { kind: 'unsafe', reason: 'contains NUL' };
  if (rel.startsWith('/') || isAbsolute(rel))
    return { kind: 'unsafe', reason: 'absolute path' };
  const segments = rel.split('/');
  if (segments.includes('..'))
    return { kind: 'unsafe', reason: 'refers to a parent directory (..)' };
  if (segments.some((segment) => segment === '' || segment === '.'))
    return {
      kind: 'unsafe',
      reason: 'has an empty or "." path segment (no file can have this name)',
    };
  if (sep !== '/' && rel.includes(sep))
    return { kind: 'unsafe', reason: `contains "${sep}"` };
  const base = resolve(root);
  const path = resolve(base, ...segments);
  // Belt and braces: whatever the rules above missed must still stay inside.
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    return { kind: 'unsafe', reason: 'lands outside the target directory' };
  return { kind: 'file', path };
}

/**
 * Where one object downloaded into `dir` lands: its last key segment, under
 * the same rules as a sync, so `ok/..` cannot write outside `dir`.
 */
export function localPathForObject(
  dir: string,
  key: string,
): { readonly name: string; readonly path: string } {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const verdict = localPathForKey(dir, name);
  if (verdict.kind === 'file') return { name, path: verdict.path };
  throw new UserError(
    `cannot download ${key} as a file: ${verdict.kind === 'unsafe' ? verdict.reason : 'it is a folder marker'}`,
  );
}
