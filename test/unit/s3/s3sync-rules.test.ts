import { describe, expect, it } from 'vitest';
import {
  bucketNameProblems,
  checkBucketName,
  checkLocationBucket,
  existingBucketNameProblems,
} from '../../../source/aws/s3/bucket-names.js';
import { parseS3Uri, directoryPrefix } from '../../../source/aws/s3/s3-uri.js';
import { checkDeletes } from '../../../source/s3sync/plan/delete-guard.js';
import {
  createPathFilter,
  globToRegExp,
} from '../../../source/s3sync/plan/filters.js';
import { compareKeys } from '../../../source/s3sync/plan/key-order.js';
import {
  isFolderMarker,
  localPathForKey,
} from '../../../source/s3sync/plan/key-safety.js';

describe('S3 key order', () => {
  it('sorts like UTF-8 bytes, including astral characters against U+E000..U+FFFF', () => {
    const keys = [
      'a/x',
      'a',
      'a.b',
      'a-b',
      '\uFF21',
      '\u{1F600}',
      'caf\u00e9',
      'cafe\u0301',
      'B',
      'b',
    ];
    const byBytes = [...keys].sort((x, y) =>
      Buffer.compare(Buffer.from(x), Buffer.from(y)),
    );
    expect([...keys].sort(compareKeys)).toEqual(byBytes);
    expect(byBytes.indexOf('\uFF21')).toBeLessThan(
      byBytes.indexOf('\u{1F600}'),
    );
  });
});

describe('bucket naming rules', () => {
  it('accepts good names', () => {
    for (const name of [
      'abc',
      'acme-backups-2026',
      'my.bucket.name',
      'a'.repeat(63),
    ])
      expect(bucketNameProblems(name), name).toEqual([]);
  });
  it('gives one message per broken rule', () => {
    expect(bucketNameProblems('ab')).toEqual([
      'must be 3 to 63 characters long (it has 2)',
    ]);
    expect(bucketNameProblems('My_Bucket')).toEqual([
      'must not contain uppercase letters',
      'may contain only lowercase letters, digits, dots and hyphens (not "_")',
    ]);
    expect(bucketNameProblems('-a..b-')).toEqual([
      'must begin with a letter or digit',
      'must end with a letter or digit',
      'must not contain two dots in a row',
    ]);
    expect(bucketNameProblems('192.168.5.4')).toEqual([
      'must not look like an IP address',
    ]);
    expect(bucketNameProblems('xn--abc')).toEqual([
      'must not begin with the reserved prefix "xn--"',
    ]);
    expect(bucketNameProblems('logs-s3alias')).toEqual([
      'must not end with the reserved suffix "-s3alias"',
    ]);
    expect(bucketNameProblems('a b')).toEqual([
      'may contain only lowercase letters, digits, dots and hyphens (not space)',
    ]);
  });
  it('throws a UserError listing every problem', () => {
    expect(() => checkBucketName('A_')).toThrow(
      /must be 3 to 63.*uppercase.*"_".*end with/,
    );
  });
  it("checks an s3:// location's bucket by the rules, letting legacy us-east-1 names through", () => {
    expect(() => checkLocationBucket('Bad_Bucket!')).toThrow(
      's3://Bad_Bucket!/ cannot be a bucket: its name must not contain uppercase letters; it may contain only lowercase letters, digits, dots and hyphens (not "_", "!"); it must end with a letter or digit',
    );
    expect(existingBucketNameProblems('a b')).toEqual([
      'may contain only lowercase letters, digits, dots and hyphens (not space)',
    ]);
    expect(existingBucketNameProblems('ab')).toHaveLength(1);
    // Made before 2018 in us-east-1: uppercase and underscores still exist.
    expect(existingBucketNameProblems('Old_Backups')).toEqual([]);
    expect(() => checkLocationBucket('acme-backups')).not.toThrow();
  });
});

describe('s3:// locations', () => {
  it('splits bucket and key', () => {
    expect(parseS3Uri('s3://b')).toEqual({ bucket: 'b', key: '' });
    expect(parseS3Uri('s3://b/')).toEqual({ bucket: 'b', key: '' });
    expect(parseS3Uri('s3://b/x/y z')).toEqual({ bucket: 'b', key: 'x/y z' });
    expect(() => parseS3Uri('/tmp/x')).toThrow(/not an S3 location/);
    expect(directoryPrefix('dir')).toBe('dir/');
    expect(directoryPrefix('')).toBe('');
  });
});

describe('filters like aws s3 sync', () => {
  it('matches fnmatch globs where * crosses /', () => {
    expect(globToRegExp('*.log').test('app/2026/x.log')).toBe(true);
    expect(globToRegExp('logs/*').test('logs/a/b')).toBe(true);
    expect(globToRegExp('?.txt').test('a.txt')).toBe(true);
    expect(globToRegExp('?.txt').test('ab.txt')).toBe(false);
    expect(globToRegExp('[!a]*').test('abc')).toBe(false);
    expect(globToRegExp('[ab]*').test('bcd')).toBe(true);
    expect(globToRegExp('a+b(1).txt').test('a+b(1).txt')).toBe(true);
  });
  it('applies rules in order, the last match deciding', () => {
    const filter = createPathFilter([
      { type: 'exclude', pattern: '*' },
      { type: 'include', pattern: '*.txt' },
      { type: 'exclude', pattern: 'tmp/*' },
    ]);
    expect(filter('a.txt')).toBe(true);
    expect(filter('a.bin')).toBe(false);
    expect(filter('tmp/a.txt')).toBe(false);
    const reversed = createPathFilter([
      { type: 'include', pattern: '*.txt' },
      { type: 'exclude', pattern: '*' },
    ]);
    expect(reversed('a.txt')).toBe(false);
    expect(createPathFilter([])('anything')).toBe(true);
  });
});

describe('where keys land on disk', () => {
  const root = '/srv/target';
  it('maps ordinary keys inside the target', () => {
    expect(localPathForKey(root, 'a/b c/\u00e9.txt')).toEqual({
      kind: 'file',
      path: '/srv/target/a/b c/\u00e9.txt',
    });
  });
  it('skips keys that escape or cannot be names', () => {
    for (const key of [
      '../x',
      'a/../../x',
      '/etc/passwd',
      'a\0b',
      'a//b',
      './a',
      'a/./b',
      '..',
    ])
      expect(localPathForKey(root, key).kind, key).toBe('unsafe');
  });
  it('treats folder markers as no file', () => {
    expect(localPathForKey(root, 'dir/')).toEqual({ kind: 'folder-marker' });
    expect(localPathForKey(root, 'dir_$folder$')).toEqual({
      kind: 'folder-marker',
    });
    expect(isFolderMarker('dir/x')).toBe(false);
  });
});

describe('delete guard', () => {
  const base = {
    planned: 5,
    maxDelete: undefined,
    sourceCount: 10,
    allowEmptySource: false,
    sourceIncomplete: false,
    transferFailures: 0,
  };
  it('allows deletions only when nothing is in doubt', () => {
    expect(checkDeletes(base)).toEqual({ allowed: true });
    expect(checkDeletes({ ...base, planned: 0, sourceCount: 0 })).toEqual({
      allowed: true,
    });
  });
  it('refuses on an empty, incomplete or failed source and over --max-delete', () => {
    expect(checkDeletes({ ...base, sourceCount: 0 })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/source is empty/) as string,
    });
    expect(
      checkDeletes({ ...base, sourceCount: 0, allowEmptySource: true }),
    ).toEqual({ allowed: true });
    expect(checkDeletes({ ...base, sourceIncomplete: true })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/incomplete/) as string,
    });
    expect(checkDeletes({ ...base, transferFailures: 1 })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/1 transfers failed/) as string,
    });
    expect(checkDeletes({ ...base, maxDelete: 4 })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/--max-delete 4/) as string,
    });
    expect(checkDeletes({ ...base, maxDelete: 5 })).toEqual({ allowed: true });
  });
});
