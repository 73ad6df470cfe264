/**
 * Does a file that exists on both sides need a transfer? Size first, then
 * the mode: time (default), nothing more (size-only), content (checksum),
 * or times that must match exactly. A bucket copy goes by the upload rule:
 * a source object newer than its copy is copied again. Only listing data is used, never a
 * HEAD per object. Times are compared in whole seconds, in UTC (epoch
 * milliseconds), because LastModified has one-second precision.
 */
import { normaliseEtag } from './multipart-etag.js';
import type { PlanOptions, RemoteEntry, SourceEntry } from '../plan-types.js';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The reason to transfer, or undefined when the two are the same. */
export async function changeReason(
  local: SourceEntry,
  remote: RemoteEntry,
  options: PlanOptions,
): Promise<string | undefined> {
  if (local.size !== remote.size) return 'size differs';
  if (options.mode === 'size-only') return undefined;
  const copy = 'key' in local;
  if (
    options.mode === 'checksum' &&
    remote.etag !== undefined &&
    !copy &&
    options.localEtag
  ) {
    const localEtag = await options.localEtag(local, remote.etag);
    if (localEtag !== undefined)
      return localEtag === normaliseEtag(remote.etag)
        ? undefined
        : 'content differs';
    // An ETag that is no digest (SSE-KMS): fall back to times.
  }
  const localSeconds = seconds(copy ? local.modifiedMs : local.mtimeMs);
  const remoteSeconds = seconds(remote.modifiedMs);
  // A copy's LastModified is when it was copied, never the source's: exact times cannot hold.
  if (copy) return localSeconds > remoteSeconds ? 'source newer' : undefined;
  if (options.direction === 'up')
    return localSeconds > remoteSeconds ? 'local newer' : undefined;
  if (options.mode === 'exact-timestamps')
    return localSeconds !== remoteSeconds ? 'times differ' : undefined;
  return remoteSeconds > localSeconds ? 'remote newer' : undefined;
}
