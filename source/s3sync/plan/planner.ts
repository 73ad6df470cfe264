/**
 * The sync planner: a streaming merge of the local and the remote listing,
 * both in S3 key order, into plan items. A bucket-to-bucket copy merges the
 * source bucket's listing in place of the local one. Nothing is held beyond the two
 * current entries, so a million keys plan in constant memory, and the first
 * items come out before the listings end. Pure: it reads only its inputs.
 */
import { changeReason } from './change-detect.js';
import type { PathFilter } from './filters.js';
import { compareKeys } from './key-order.js';
import { isFolderMarker, localPathForKey } from './key-safety.js';
import type {
  PlanItem,
  PlanOptions,
  RemoteEntry,
  SourceEntry,
} from '../plan-types.js';

export interface PlannerInput extends PlanOptions {
  /** Local files; for a copy (direction 'copy'), the source bucket's objects. */
  readonly local: AsyncIterable<SourceEntry>;
  readonly remote: AsyncIterable<RemoteEntry>;
  /** Local root, to check where a key would land. */
  readonly root: string;
  readonly filter: PathFilter;
}

async function* filtered<T extends { rel: string }>(
  source: AsyncIterable<T>,
  filter: PathFilter,
): AsyncGenerator<T> {
  for await (const entry of source) if (filter(entry.rel)) yield entry;
}

export async function* planSync(input: PlannerInput): AsyncGenerator<PlanItem> {
  const copy = input.direction === 'copy';
  // A copy plans like an upload: the destination is a bucket.
  const up = input.direction === 'up' || copy;
  const locals = filtered(input.local, input.filter)[Symbol.asyncIterator]();
  const remotes = filtered(input.remote, input.filter)[Symbol.asyncIterator]();
  let local = await locals.next();
  let remote = await remotes.next();

  const onlyLocal = (entry: SourceEntry): PlanItem =>
    'key' in entry
      ? {
          action: 'copy',
          rel: entry.rel,
          reason: 'new',
          source: entry,
          bytes: entry.size,
        }
      : up
        ? {
            action: 'upload',
            rel: entry.rel,
            reason: 'new',
            local: entry,
            bytes: entry.size,
          }
        : input.delete
          ? {
              action: 'delete',
              rel: entry.rel,
              reason: 'not in source',
              local: entry,
              bytes: 0,
            }
          : {
              action: 'skip',
              rel: entry.rel,
              reason: 'only at destination',
              local: entry,
              bytes: 0,
            };

  const onlyRemote = (entry: RemoteEntry): PlanItem => {
    if (isFolderMarker(entry.rel))
      return {
        action: 'skip',
        rel: entry.rel,
        reason: 'folder marker',
        remote: entry,
        bytes: 0,
      };
    if (up)
      return input.delete
        ? {
            action: 'delete',
            rel: entry.rel,
            reason: 'not in source',
            remote: entry,
            bytes: 0,
          }
        : {
            action: 'skip',
            rel: entry.rel,
            reason: 'only at destination',
            remote: entry,
            bytes: 0,
          };
    const verdict = localPathForKey(input.root, entry.rel);
    if (verdict.kind === 'unsafe')
      return {
        action: 'skip',
        rel: entry.rel,
        reason: `unsafe key: ${verdict.reason}`,
        remote: entry,
        bytes: 0,
        warning: true,
      };
    return {
      action: 'download',
      rel: entry.rel,
      reason: 'new',
      remote: entry,
      bytes: entry.size,
    };
  };

  while (!local.done || !remote.done) {
    const order = local.done
      ? 1
      : remote.done
        ? -1
        : compareKeys(local.value.rel, remote.value.rel);
    if (order < 0 && !local.done) {
      yield onlyLocal(local.value);
      local = await locals.next();
    } else if (order > 0 && !remote.done) {
      yield onlyRemote(remote.value);
      remote = await remotes.next();
    } else if (!local.done && !remote.done) {
      const sourced = local.value;
      const pair =
        'key' in sourced
          ? { source: sourced, remote: remote.value }
          : { local: sourced, remote: remote.value };
      const reason = await changeReason(sourced, pair.remote, input);
      yield reason === undefined
        ? {
            action: 'skip',
            rel: sourced.rel,
            reason: 'unchanged',
            ...pair,
            bytes: 0,
          }
        : copy
          ? {
              action: 'copy',
              rel: sourced.rel,
              reason,
              ...pair,
              bytes: sourced.size,
            }
          : up
            ? {
                action: 'upload',
                rel: sourced.rel,
                reason,
                ...pair,
                bytes: sourced.size,
              }
            : {
                action: 'download',
                rel: sourced.rel,
                reason,
                ...pair,
                bytes: pair.remote.size,
              };
      local = await locals.next();
      remote = await remotes.next();
    }
  }
}
