import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  discardSmallFile,
  finishSmallFile,
  openSmallFile,
  readSmallBody,
} from '../../../source/s3sync/transfer/small-file.js';
import type { RemoteEntry } from '../../../source/s3sync/plan-types.js';

const remote = (key: string, size: number): RemoteEntry => ({
  rel: key,
  key,
  size,
  modifiedMs: Date.UTC(2024, 0, 2, 3, 4, 5),
  etag: undefined,
  storageClass: undefined,
});

describe('small downloads', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opsdeck-small-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a body of the listed size and refuses a shorter or longer one', async () => {
    const body = () => Readable.from([Buffer.from('abc'), Buffer.from('de')]);
    const chunks = await readSmallBody(body(), remote('k', 5));
    expect(Buffer.concat(chunks).toString()).toBe('abcde');
    await expect(readSmallBody(body(), remote('k', 6))).rejects.toThrow(
      /got 5 of 6 bytes/,
    );
    await expect(readSmallBody(body(), remote('k', 4))).rejects.toThrow(
      /of 4 bytes; the object may have changed/,
    );
  });

  it('writes the file with the object time, makes its directory and leaves no partial', () => {
    const path = join(dir, 'a', 'b', 'file.txt');
    const directories = new Set<string>();
    const file = openSmallFile(path, directories);
    // The directory and a hidden partial exist from before the GET.
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual([
      expect.stringMatching(/^\.file\.txt\.opsdeck-[0-9a-f]{8}\.partial$/),
    ]);
    finishSmallFile(
      file,
      [Buffer.from('hello '), Buffer.from('world')],
      remote('a/b/file.txt', 11),
    );
    expect(readFileSync(path, 'utf8')).toBe('hello world');
    expect(statSync(path).mtimeMs).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['file.txt']);
    expect(directories.has(join(dir, 'a', 'b'))).toBe(true);
  });

  it('recreates a remembered directory that was removed, and writes empty objects', () => {
    const sub = join(dir, 'gone');
    const directories = new Set([sub]);
    finishSmallFile(
      openSmallFile(join(sub, 'empty'), directories),
      [],
      remote('gone/empty', 0),
    );
    expect(statSync(join(sub, 'empty')).size).toBe(0);
  });

  it('reports a directory in the way and removes its partial file', () => {
    mkdirSync(join(dir, 'a', 'x'), { recursive: true });
    const file = openSmallFile(join(dir, 'a'), undefined);
    expect(() =>
      finishSmallFile(file, [Buffer.from('a')], remote('a', 1)),
    ).toThrow(/is a directory \(the bucket has both a and keys under a\/\)/);
    expect(readdirSync(dir)).toEqual(['a']);
  });

  it('discards the partial file of a failed GET', () => {
    const file = openSmallFile(join(dir, 'f'), undefined);
    discardSmallFile(file);
    expect(readdirSync(dir)).toEqual([]);
  });
});
