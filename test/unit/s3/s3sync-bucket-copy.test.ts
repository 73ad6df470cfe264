import { describe, expect, it } from 'vitest';
import {
  COPY_OBJECT_LIMIT,
  GiB,
  copyPartSize,
  copyRequests,
  partRanges,
} from '../../../source/s3sync/copy/copy-parts.js';
import { countCopyTotals } from '../../../source/s3sync/copy/copy-totals.js';
import { copySource } from '../../../source/s3sync/copy/copy-settings.js';
import { checksumMismatch } from '../../../source/s3sync/copy/verify-copy.js';
import { createPathFilter } from '../../../source/s3sync/plan/filters.js';
import { planSync } from '../../../source/s3sync/plan/planner.js';
import type {
  CompareMode,
  RemoteEntry,
} from '../../../source/s3sync/plan-types.js';

const MiB = 1024 * 1024;
const T = Date.UTC(2026, 11, 1, 12, 0, 0);

const object = (
  prefix: string,
  rel: string,
  size = 10,
  modifiedMs = T,
): RemoteEntry => ({
  rel,
  key: prefix + rel,
  size,
  modifiedMs,
  etag: '"e"',
  storageClass: 'STANDARD',
});

// eslint-disable-next-line @typescript-eslint/require-await -- input for the test
async function* from<T>(items: T[]) {
  for (const item of items) yield item;
}

async function plan(
  source: RemoteEntry[],
  target: RemoteEntry[],
  options: { delete?: boolean; mode?: CompareMode } = {},
) {
  const lines: string[] = [];
  for await (const item of planSync({
    local: from(source),
    remote: from(target),
    root: '',
    filter: createPathFilter([]),
    direction: 'copy',
    mode: options.mode ?? 'default',
    delete: options.delete ?? false,
  }))
    lines.push(
      `${item.action} ${item.rel} (${item.reason}) ${item.bytes}${item.source ? ` from ${item.source.key}` : ''}`,
    );
  return lines;
}

describe('bucket copy part sizing', () => {
  it('copies up to 5 GiB in one request and cuts larger objects into parts that keep the slots busy', () => {
    const cut = { threshold: COPY_OBJECT_LIMIT, parallel: 16 };
    expect(copyRequests(COPY_OBJECT_LIMIT, cut)).toBe(1);
    expect(copyPartSize(6 * GiB, 16)).toBe(192 * MiB);
    expect(copyRequests(6 * GiB, cut)).toBe(32 + 2);
    // Small multipart objects never go below 64 MiB parts (request overhead).
    expect(copyPartSize(100 * MiB, 16)).toBe(64 * MiB);
  });

  it('stays within S3 bounds: at most 10,000 parts, 5 MiB to 5 GiB each', () => {
    const fiveTiB = 5 * 1024 * GiB;
    const size = copyPartSize(fiveTiB, 16);
    expect(size).toBe(5 * GiB);
    expect(Math.ceil(fiveTiB / size)).toBeLessThanOrEqual(10_000);
    // A wanted size that would need more than 10,000 parts grows to fit.
    const grown = copyPartSize(200 * GiB, 16, 5 * MiB);
    expect(Math.ceil((200 * GiB) / grown)).toBeLessThanOrEqual(10_000);
    expect(grown % MiB).toBe(0);
    expect(copyPartSize(10 * MiB, 16, 1024)).toBe(5 * MiB);
  });

  it('cuts ranges that cover every byte once, inclusive as CopySourceRange takes them', () => {
    const size = 25 * MiB + 7;
    const ranges = partRanges(size, 5 * MiB);
    expect(ranges).toHaveLength(6);
    expect(ranges[0]).toEqual({ partNumber: 1, first: 0, last: 5 * MiB - 1 });
    expect(ranges.at(-1)).toEqual({
      partNumber: 6,
      first: 25 * MiB,
      last: size - 1,
    });
    let next = 0;
    for (const range of ranges) {
      expect(range.first).toBe(next);
      next = range.last + 1;
    }
    expect(next).toBe(size);
  });

  it('counts objects, bytes, requests and the transfer billed across regions', () => {
    const counter = countCopyTotals(
      { source: 'eu-west-1', destination: 'us-east-1' },
      { threshold: COPY_OBJECT_LIMIT, parallel: 16 },
    );
    counter.add(10);
    counter.add(6 * GiB);
    counter.listed();
    expect(counter.totals()).toEqual({
      objects: 2,
      bytes: 6 * GiB + 10,
      crossRegion: true,
      sourceRegion: 'eu-west-1',
      destinationRegion: 'us-east-1',
      copyRequests: 1 + 34,
      listRequests: 1,
      transferBilledBytes: 6 * GiB + 10,
    });
    const same = countCopyTotals(
      { source: 'us-east-1', destination: 'us-east-1' },
      { threshold: COPY_OBJECT_LIMIT, parallel: 16 },
    );
    same.add(5);
    expect(same.totals()).toMatchObject({
      crossRegion: false,
      transferBilledBytes: 0,
    });
  });
});

describe('bucket copy planner (the sync planner with a bucket as source)', () => {
  it('merges both listings in key order: new, unchanged, source newer, size differs, only at destination', async () => {
    const source = [
      object('a/', 'new.txt'),
      object('a/', 'same.txt'),
      object('a/', 'touched.txt', 10, T + 5000),
      object('a/', 'grown.txt', 11),
    ].sort((x, y) => (x.rel < y.rel ? -1 : 1));
    const target = [
      object('b/', 'extra.txt'),
      object('b/', 'same.txt', 10, T + 1000),
      object('b/', 'touched.txt', 10, T + 1000),
      object('b/', 'grown.txt', 10, T + 1000),
      object('b/', 'folder/'),
    ].sort((x, y) => (x.rel < y.rel ? -1 : 1));
    expect(await plan(source, target)).toEqual([
      'skip extra.txt (only at destination) 0',
      'skip folder/ (folder marker) 0',
      'copy grown.txt (size differs) 11 from a/grown.txt',
      'copy new.txt (new) 10 from a/new.txt',
      'skip same.txt (unchanged) 0 from a/same.txt',
      'copy touched.txt (source newer) 10 from a/touched.txt',
    ]);
    expect(
      (await plan(source, target, { delete: true })).filter((line) =>
        line.startsWith('delete'),
      ),
    ).toEqual(['delete extra.txt (not in source) 0']);
    expect(
      (await plan(source, target, { mode: 'size-only' })).filter((line) =>
        line.startsWith('copy'),
      ),
    ).toEqual([
      'copy grown.txt (size differs) 11 from a/grown.txt',
      'copy new.txt (new) 10 from a/new.txt',
    ]);
  });

  it('orders keys as S3 does (UTF-8 bytes): an astral character after U+FFxx', async () => {
    const keys = ['k/\uff21', 'k/\u{1F980}'];
    expect(
      await plan(
        keys.map((rel) => object('', rel)),
        keys.map((rel) => object('', rel, 10, T + 1000)),
      ),
    ).toEqual(keys.map((rel) => `skip ${rel} (unchanged) 0 from ${rel}`));
  });
});

describe('bucket copy requests', () => {
  it('names the source as a URL path: the key percent-encoded, slashes kept', () => {
    expect(copySource('src', 'ünï/a b+c/🦀?.txt')).toBe(
      'src/%C3%BCn%C3%AF/a%20b%2Bc/%F0%9F%A6%80%3F.txt',
    );
  });

  it('finds a full-object checksum that differs, and ignores per-part ones', () => {
    expect(
      checksumMismatch({ ChecksumCRC32: 'AAAA' }, { ChecksumCRC32: 'AAAA' }),
    ).toBeUndefined();
    expect(
      checksumMismatch({ ChecksumCRC32: 'AAAA' }, { ChecksumCRC32: 'BBBB' }),
    ).toBe('CRC32');
    expect(
      checksumMismatch(
        { ChecksumCRC32: 'AAAA-3' },
        { ChecksumCRC32: 'BBBB-4' },
      ),
    ).toBeUndefined();
    expect(
      checksumMismatch({ ChecksumSHA256: 'x' }, { ChecksumCRC32: 'y' }),
    ).toBeUndefined();
  });
});
