/**
 * Where a listing can be cut into key ranges fetched in parallel. One side
 * read ahead tells where the other side's keys probably are (every 1,000th
 * key ends a range); a bucket's top-level "folders" cut its own listing
 * before anything is known about it.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { createChannel, readAhead } from '../channel.js';

const KEYS_PER_RANGE = 1000;

/** `entries` read ahead, and the full keys (prefix + rel) that split the other side. */
export function withSplitKeys<T extends { readonly rel: string }>(
  entries: AsyncIterable<T>,
  prefix: string,
  listParallel: number,
): { entries: AsyncIterable<T>; splits: AsyncIterable<string> } {
  const splits = createChannel<string>();
  let seen = 0;
  let pendingSplit: string | undefined;
  const ahead = readAhead(
    entries,
    (listParallel + 2) * KEYS_PER_RANGE,
    (entry) => {
      // The split after the 1000th key is only known to be one when a key follows.
      if (pendingSplit !== undefined) void splits.push(pendingSplit);
      pendingSplit = undefined;
      if (++seen % KEYS_PER_RANGE === 0) pendingSplit = prefix + entry.rel;
    },
    () => splits.close(),
  );
  return { entries: ahead, splits };
}

/** The common prefixes one level under `prefix` (one ListObjectsV2 call), in key order. */
export async function* folderSplits(
  client: S3Client,
  bucket: string,
  prefix: string,
  signal: AbortSignal,
  onRequest?: () => void,
): AsyncGenerator<string> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  onRequest?.();
  const answer = await client.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: prefix === '' ? undefined : prefix,
      Delimiter: '/',
      MaxKeys: 1000,
    }),
    { abortSignal: signal },
  );
  for (const folder of answer.CommonPrefixes ?? [])
    if (folder.Prefix !== undefined) yield folder.Prefix;
}
