/**
 * Does a file that exists on both sides need a transfer? Size first, then
 * the mode: time (default), nothing more (size-only), content (checksum),
 * or times that must match exactly. Only listing data is used, never a
 * HEAD per object. Times are compared in whole seconds, in UTC (epoch
 * milliseconds), because LastModified has one-second precision.
 */
import { normaliseEtag } from './multipart-etag.js';
import type { LocalEntry, PlanOptions, RemoteEntry } from '../plan-types.js';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The reason to transfer, or undefined when the two are the same. */
export async function changeReason(
  local: LocalEntry,
  remote: RemoteEntry,
  options: PlanOptions,
): Promise<string | undefined> {
  if (local.size !== remote.size) return 'size differs';
  if (options.mode === 'size-only') return undefined;
  if (
    options.mode === 'checksum' &&
    remote.etag !== undefined &&
    options.localEtag
  ) {
    const localEtag = await options.localEtag(local, remote.etag);
    if (localEtag !== undefined)
      return localEtag === normaliseEtag(remote.etag)
        ? undefined
        : 'content differs';
    // An ETag that is no digest (SSE-KMS): fall back to times.
  }
  const localSeconds = seconds(local.mtimeMs);
  const remoteSeconds = seconds(remote.modifiedMs);
  if (options.direction === 'up')
    return localSeconds > remoteSeconds ? 'local newer' : undefined;
  if (options.mode === 'exact-timestamps')
    return localSeconds !== remoteSeconds ? 'times differ' : undefined;
  return remoteSeconds > localSeconds ? 'remote newer' : undefined;
}
