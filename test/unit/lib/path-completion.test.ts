import { describe, expect, it } from 'vitest';
import {
  completePath,
  type ReadDir,
} from '../../../source/lib/path-completion.js';

const tree: Record<string, { name: string; directory: boolean }[]> = {
  '/srv/': [
    { name: 'backups', directory: true },
    { name: 'backup.sh', directory: false },
    { name: 'www', directory: true },
    { name: '.cache', directory: true },
  ],
  '/home/ops': [{ name: 'data', directory: true }],
  '.': [{ name: 'notes.txt', directory: false }],
};
const readDir: ReadDir = (path) => tree[path] ?? [];

describe('completePath', () => {
  it('completes one match, with a slash for a directory', () => {
    expect(completePath('/srv/w', readDir)).toEqual({
      value: '/srv/www/',
      choices: [],
    });
    expect(completePath('no', readDir)).toEqual({
      value: 'notes.txt',
      choices: [],
    });
  });

  it('completes several matches to their common start and lists them', () => {
    expect(completePath('/srv/b', readDir)).toEqual({
      value: '/srv/backup',
      choices: ['backup.sh', 'backups/'],
    });
  });

  it('reads ~ as the home directory and keeps the ~ in the value', () => {
    expect(completePath('~/d', readDir, '/home/ops')).toEqual({
      value: '~/data/',
      choices: [],
    });
  });

  it('hides dot entries unless a dot was typed, and leaves a value with no match alone', () => {
    expect(completePath('/srv/', readDir).choices).toEqual([
      'backup.sh',
      'backups/',
      'www/',
    ]);
    expect(completePath('/srv/.c', readDir).value).toBe('/srv/.cache/');
    expect(completePath('/srv/zzz', readDir)).toEqual({
      value: '/srv/zzz',
      choices: [],
    });
  });
});
