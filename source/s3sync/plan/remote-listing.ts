/**
 * The remote side of a sync as one stream of objects in key order. When
 * split keys are known (every ~1,000th local key), the listing is cut into
 * key ranges whose first pages are fetched in parallel and then read in
 * order: a no-change sync costs one ListObjectsV2 call per 1,000 keys, and
 * they no longer wait for each other.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type {
  DirectLister,
  ListInput,
  ListedPage,
} from '../../aws/s3/direct-list.js';
import { UserError } from '../../lib/errors.js';
import { compareKeys } from './key-order.js';
import type { RemoteEntry } from '../plan-types.js';

export interface RemoteListingOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** '' or ending in '/'. */
  readonly prefix: string;
  readonly signal: AbortSignal;
  /** Full keys, strictly increasing; each ends one range and starts the next. */
  readonly splitKeys?: AsyncIterable<string>;
  /** Ranges fetched ahead of the one being read. */
  readonly parallel?: number;
  readonly pageSize?: number;
  /** Called for every ListObjectsV2 call (the plan counts them). */
  readonly onRequest?: () => void;
  /** Pages without the SDK's per-page cost, when the endpoint allows. */
  readonly direct?: DirectLister | undefined;
}

interface Page {
  readonly entries: RemoteEntry[];
  readonly next: string | undefined;
  /** The range is complete with this page. */
  readonly last: boolean;
}

interface Range {
  readonly after: string | undefined;
  /** Inclusive upper bound; undefined for the open last range. */
  readonly end: string | undefined;
  first?: Promise<Page>;
}

export async function* listRemote(
  options: RemoteListingOptions,
): AsyncGenerator<RemoteEntry> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const { client, bucket, prefix, signal } = options;
  const parallel = Math.max(1, options.parallel ?? 8);

  const request = async (
    after: string | undefined,
    token?: string,
  ): Promise<ListedPage> => {
    options.onRequest?.();
    const input: ListInput = {
      bucket,
      prefix: prefix === '' ? undefined : prefix,
      maxKeys: options.pageSize ?? 1000,
      startAfter: token === undefined ? after : undefined,
      continuationToken: token,
    };
    return (
      (await options.direct?.list(input, signal)) ??
      client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: input.prefix,
          MaxKeys: input.maxKeys,
          StartAfter: input.startAfter,
          ContinuationToken: input.continuationToken,
        }),
        { abortSignal: signal },
      )
    );
  };
  // The first page is the same whatever the first range's end turns out to
  // be: ask for it now instead of after the local walk's first 1,000 keys.
  let firstPage: Promise<ListedPage> | undefined = request(undefined);
  firstPage.catch(() => undefined);

  const fetchPage = async (range: Range, token?: string): Promise<Page> => {
    let early: Promise<ListedPage> | undefined;
    if (range.after === undefined && token === undefined) {
      early = firstPage;
      firstPage = undefined;
    }
    const answer = await (early ?? request(range.after, token));
    const entries: RemoteEntry[] = [];
    let passedEnd = false;
    for (const object of answer.Contents ?? []) {
      const key = object.Key ?? '';
      if (range.end !== undefined && compareKeys(key, range.end) > 0) {
        passedEnd = true;
        break;
      }
      entries.push({
        rel: key.slice(prefix.length),
        key,
        size: object.Size ?? 0,
        modifiedMs: object.LastModified?.getTime() ?? 0,
        etag: object.ETag,
        storageClass: object.StorageClass,
      });
    }
    const truncated = answer.IsTruncated === true;
    if (truncated && !passedEnd && !answer.NextContinuationToken)
      throw new UserError(
        `the listing of s3://${bucket}/${prefix} was cut short (truncated without a continuation token)`,
        { hint: 'the endpoint misbehaves; nothing was deleted' },
      );
    const lastKey = entries.at(-1)?.key;
    const reachedEnd =
      range.end !== undefined && lastKey !== undefined && lastKey === range.end;
    return {
      entries,
      next: answer.NextContinuationToken,
      last: !truncated || passedEnd || reachedEnd,
    };
  };

  // Ranges are defined as split keys arrive; a pump reads them.
  const ranges: Range[] = [];
  let defined = false;
  let pumpError: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  let reading = 0;
  const prefetch = () => {
    for (
      let index = reading;
      index < Math.min(ranges.length, reading + parallel);
      index++
    ) {
      const range = ranges[index];
      if (range && range.first === undefined) {
        range.first = fetchPage(range);
        // Read in order later; a failure must not be unhandled meanwhile.
        range.first.catch(() => undefined);
      }
    }
  };
  const notify = () => {
    prefetch();
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  void (async () => {
    let after: string | undefined;
    try {
      if (options.splitKeys)
        for await (const split of options.splitKeys) {
          ranges.push({ after, end: split });
          after = split;
          notify();
        }
    } catch (error) {
      pumpError = { error };
    }
    ranges.push({ after, end: undefined });
    defined = true;
    notify();
  })();

  for (;;) {
    while (ranges[reading] === undefined) {
      if (pumpError) throw pumpError.error;
      if (defined && reading >= ranges.length) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (pumpError) throw pumpError.error;
    const range = ranges[reading] as Range;
    prefetch();
    let page = await (range.first ?? fetchPage(range));
    for (;;) {
      yield* page.entries;
      if (page.last) break;
      signal.throwIfAborted();
      page = await fetchPage(range, page.next);
    }
    ranges[reading] = { after: undefined, end: undefined }; // let the pages go
    reading++;
    if (defined && reading >= ranges.length) return;
  }
}
