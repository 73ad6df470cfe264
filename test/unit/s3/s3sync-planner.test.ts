import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathFilter } from '../../../source/s3sync/plan/filters.js';
import {
  candidatePartSizes,
  localEtagLike,
  partCountOf,
} from '../../../source/s3sync/plan/multipart-etag.js';
import { planSync } from '../../../source/s3sync/plan/planner.js';
import type {
  LocalEntry,
  PlanItem,
  PlanOptions,
  RemoteEntry,
} from '../../../source/s3sync/plan-types.js';

const T = Date.UTC(2026, 0, 10, 12, 0, 0);
const local = (rel: string, size = 1, mtimeMs = T): LocalEntry => ({
  rel,
  path: `/l/${rel}`,
  size,
  mtimeMs,
});
const remote = (
  rel: string,
  size = 1,
  modifiedMs = T,
  etag?: string,
): RemoteEntry => ({
  rel,
  key: `p/${rel}`,
  size,
  modifiedMs,
  etag,
  storageClass: 'STANDARD',
});
// eslint-disable-next-line @typescript-eslint/require-await -- input for the test
async function* from<T>(items: T[]) {
  for (const item of items) yield item;
}
async function plan(
  locals: LocalEntry[],
  remotes: RemoteEntry[],
  options: Partial<PlanOptions> & { exclude?: string[] } = {},
) {
  const items: PlanItem[] = [];
  for await (const item of planSync({
    local: from(locals),
    remote: from(remotes),
    root: '/l',
    filter: createPathFilter(
      (options.exclude ?? []).map((pattern) => ({
        type: 'exclude' as const,
        pattern,
      })),
    ),
    direction: options.direction ?? 'up',
    mode: options.mode ?? 'default',
    delete: options.delete ?? false,
    ...(options.localEtag ? { localEtag: options.localEtag } : {}),
  }))
    items.push(item);
  return items.map((item) => `${item.action} ${item.rel} (${item.reason})`);
}

describe('sync planner', () => {
  it('merges both listings in key order: a, a-b, a.b, a/x', async () => {
    const keys = ['a', 'a-b', 'a.b', 'a/x'];
    expect(
      await plan(
        keys.map((key) => local(key)),
        keys.map((key) => remote(key)),
      ),
    ).toEqual(keys.map((key) => `skip ${key} (unchanged)`));
    expect(
      await plan([local('a-b'), local('a/x')], [remote('a'), remote('a.b')], {
        delete: true,
      }),
    ).toEqual([
      'delete a (not in source)',
      'upload a-b (new)',
      'delete a.b (not in source)',
      'upload a/x (new)',
    ]);
  });

  it('uploads on size change or a newer local file, never on an older one', async () => {
    // Within the same second as the upload counts as unchanged (LastModified has seconds).
    expect(
      await plan(
        [
          local('n', 1, T + 5000),
          local('o', 1, T - 5000),
          local('s', 2),
          local('same', 1, T + 400),
        ],
        [remote('n'), remote('o'), remote('s'), remote('same')],
      ),
    ).toEqual([
      'upload n (local newer)',
      'skip o (unchanged)',
      'upload s (size differs)',
      'skip same (unchanged)',
    ]);
  });

  it('downloads when the object is newer; --exact-timestamps on any difference; --size-only on size alone', async () => {
    const locals = [local('a', 1, T - 5000), local('b', 1, T + 5000)];
    const remotes = [remote('a'), remote('b')];
    expect(await plan(locals, remotes, { direction: 'down' })).toEqual([
      'download a (remote newer)',
      'skip b (unchanged)',
    ]);
    expect(
      await plan(locals, remotes, {
        direction: 'down',
        mode: 'exact-timestamps',
      }),
    ).toEqual(['download a (times differ)', 'download b (times differ)']);
    expect(
      await plan(locals, remotes, { direction: 'down', mode: 'size-only' }),
    ).toEqual(['skip a (unchanged)', 'skip b (unchanged)']);
  });

  it('compares contents with --checksum', async () => {
    const localEtag = (entry: LocalEntry) =>
      Promise.resolve(entry.rel === 'same' ? 'abc' : 'def');
    expect(
      await plan(
        [local('diff'), local('same')],
        [remote('diff', 1, T, '"abc"'), remote('same', 1, T, '"abc"')],
        { mode: 'checksum', localEtag },
      ),
    ).toEqual(['upload diff (content differs)', 'skip same (unchanged)']);
  });

  it('skips unsafe keys with a warning and folder markers silently when downloading', async () => {
    const items: PlanItem[] = [];
    for await (const item of planSync({
      local: from([]),
      remote: from([
        remote('../x'),
        remote('d/'),
        remote('ok'),
        remote('z_$folder$'),
      ]),
      root: '/l',
      filter: () => true,
      direction: 'down',
      mode: 'default',
      delete: false,
    }))
      items.push(item);
    expect(
      items.map((item) => [item.action, item.rel, item.warning ?? false]),
    ).toEqual([
      ['skip', '../x', true],
      ['skip', 'd/', false],
      ['download', 'ok', false],
      ['skip', 'z_$folder$', false],
    ]);
  });

  it('never deletes what the filters exclude', async () => {
    expect(
      await plan(
        [local('keep.txt')],
        [remote('cache/a.tmp'), remote('keep.txt'), remote('old.txt')],
        { delete: true, exclude: ['cache/*'] },
      ),
    ).toEqual(['skip keep.txt (unchanged)', 'delete old.txt (not in source)']);
  });

  it('plans a million keys in bounded memory', async () => {
    const count = 1_000_000;
    const name = (index: number) => `k/${String(index).padStart(8, '0')}`;
    // eslint-disable-next-line @typescript-eslint/require-await -- input for the test
    async function* locals() {
      for (let index = 0; index < count; index++) yield local(name(index), 10);
    }
    // eslint-disable-next-line @typescript-eslint/require-await -- input for the test
    async function* remotes() {
      for (let index = 0; index < count; index++) yield remote(name(index), 10);
    }
    const before = process.memoryUsage().heapUsed;
    let skipped = 0;
    let peak = 0;
    for await (const item of planSync({
      local: locals(),
      remote: remotes(),
      root: '/l',
      filter: () => true,
      direction: 'up',
      mode: 'default',
      delete: true,
    })) {
      if (item.action === 'skip') skipped++;
      if (skipped % 100_000 === 0)
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(skipped).toBe(count);
    expect(peak).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);
});

describe('multipart ETags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-etag-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const MiB = 1024 * 1024;

  it('computes single-part and -N ETags like S3 does', async () => {
    const data = Buffer.alloc(20 * MiB);
    for (let index = 0; index < data.length; index += 4096)
      data[index] = index % 251;
    const path = join(dir, 'big');
    writeFileSync(path, data);
    const md5 = (buffer: Buffer) => createHash('md5').update(buffer).digest();
    const parts = [
      data.subarray(0, 8 * MiB),
      data.subarray(8 * MiB, 16 * MiB),
      data.subarray(16 * MiB),
    ];
    const expected = `${createHash('md5')
      .update(Buffer.concat(parts.map(md5)))
      .digest('hex')}-3`;
    expect(await localEtagLike(path, data.length, `"${expected}"`)).toBe(
      expected,
    );
    expect(
      await localEtagLike(
        path,
        data.length,
        '"0123456789abcdef0123456789abcdef"',
      ),
    ).toBe(md5(data).toString('hex'));
    // 5 MiB parts give 4 parts for 20 MiB: that candidate is found too.
    const fives = [0, 1, 2, 3].map((index) =>
      data.subarray(index * 5 * MiB, (index + 1) * 5 * MiB),
    );
    const expectedFive = `${createHash('md5')
      .update(Buffer.concat(fives.map(md5)))
      .digest('hex')}-4`;
    expect(await localEtagLike(path, data.length, expectedFive)).toBe(
      expectedFive,
    );
    expect(
      await localEtagLike(path, data.length, 'not-a-digest'),
    ).toBeUndefined();
  });

  it('finds the part sizes that give N parts', () => {
    expect(partCountOf('"abc-3"')).toBe(3);
    expect(partCountOf('abc')).toBeUndefined();
    expect(candidatePartSizes(20 * MiB, 3)).toContain(8 * MiB);
    expect(candidatePartSizes(20 * MiB, 2)).toEqual(
      expect.arrayContaining([15 * MiB, 16 * MiB, 10 * MiB]),
    );
  });
});
