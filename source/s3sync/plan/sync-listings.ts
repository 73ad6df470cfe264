/**
 * Both sides of a local sync as streams in key order: the local walk, read
 * ahead so that every ~1,000th key splits the remote listing into ranges
 * fetched in parallel, and the remote listing, counted (the delete guard
 * compares a download's source count).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DirectLister } from '../../aws/s3/direct-list.js';
import { stat } from 'node:fs/promises';
import type { LocalEntry, RemoteEntry } from '../plan-types.js';
import { newWalkReport, walkLocal, type WalkReport } from './local-walk.js';
import { listRemote } from './remote-listing.js';
import { withSplitKeys } from './split-keys.js';

export interface SyncListings {
  readonly local: AsyncIterable<LocalEntry>;
  readonly remote: AsyncIterable<RemoteEntry>;
  readonly walkReport: WalkReport;
  /** Remote objects read so far. */
  readonly remoteCount: () => number;
}

export async function openListings(options: {
  readonly client: S3Client;
  readonly direct: DirectLister | undefined;
  /** The local directory. */
  readonly local: string;
  readonly bucket: string;
  readonly prefix: string;
  /** Uploading (the walk follows links) or downloading (it does not). */
  readonly up: boolean;
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  readonly listParallel: number;
}): Promise<SyncListings> {
  const { local, prefix, up, signal, listParallel } = options;
  const walkReport = newWalkReport();
  // A dry run into a directory that does not exist yet plans against nothing.
  const localMissing =
    !up &&
    options.dryRun &&
    !(await stat(local).then(
      () => true,
      () => false,
    ));
  const { entries, splits } = withSplitKeys(
    localMissing
      ? emptyListing()
      : walkLocal(local, walkReport, signal, { followLinks: up }),
    prefix,
    listParallel,
  );
  let remoteCount = 0;
  async function* counted(remote: AsyncIterable<RemoteEntry>) {
    for await (const entry of remote) {
      remoteCount++;
      yield entry;
    }
  }
  return {
    local: entries,
    remote: counted(
      listRemote({
        client: options.client,
        bucket: options.bucket,
        prefix,
        signal,
        splitKeys: splits,
        parallel: listParallel,
        direct: options.direct,
      }),
    ),
    walkReport,
    remoteCount: () => remoteCount,
  };
}

async function* emptyListing(): AsyncGenerator<never> {}
