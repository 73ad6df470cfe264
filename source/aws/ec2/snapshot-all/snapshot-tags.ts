/**
 * What snapshot-all writes on each snapshot: the instance's tags (in the
 * CreateSnapshots call itself), then per snapshot the volume's tags, a Name
 * and the device. Keys under aws: belong to AWS and are not copied; EC2 takes
 * 50 tags a resource, so copied tags give way to the command's own.
 */
import type { Tags } from '../types.js';
import { SNAPSHOT_ALL_TAG } from './retention.js';
import type { SnapshotTarget, TargetVolume } from './targets.js';

const INSTANCE_TAG = 'opsdeck:instance';
const DEVICE_TAG = 'opsdeck:device';

const MAX_TAGS = 50;
/** Name, the run tag, the instance and the device. */
const OWN_TAGS = 4;

function copyable(tags: Tags): [string, string][] {
  return Object.entries(tags).filter(
    ([key]) => key !== 'Name' && !key.toLowerCase().startsWith('aws:'),
  );
}

/** The run's time stamp: ISO 8601 in UTC with milliseconds. */
export function runStamp(at: Date): string {
  return at.toISOString();
}

/** Set on all of an instance's snapshots by the CreateSnapshots call. */
export function commonTags(target: SnapshotTarget, at: Date): Tags {
  return {
    ...Object.fromEntries(copyable(target.tags).slice(0, MAX_TAGS - OWN_TAGS)),
    [SNAPSHOT_ALL_TAG]: runStamp(at),
    [INSTANCE_TAG]: target.instanceId,
  };
}

/** Set on one snapshot afterwards: the volume's tags win over the instance's. */
export function volumeTags(
  target: SnapshotTarget,
  volume: TargetVolume,
  at: Date,
): Tags {
  const instanceKeys = new Set(
    copyable(target.tags)
      .slice(0, MAX_TAGS - OWN_TAGS)
      .map(([key]) => key),
  );
  // Keys the instance already set are overwritten; new keys need room.
  let room = MAX_TAGS - OWN_TAGS - instanceKeys.size;
  const fromVolume = copyable(volume.tags).filter(
    ([key]) => instanceKeys.has(key) || room-- > 0,
  );
  return {
    ...Object.fromEntries(fromVolume),
    Name: snapshotName(target, volume, at),
    [DEVICE_TAG]: volume.device,
  };
}

function shortStamp(at: Date): string {
  return `${at.toISOString().slice(0, 16)}Z`;
}

function label(target: SnapshotTarget): string {
  return target.name === '' ? target.instanceId : target.name.slice(0, 100);
}

function snapshotName(
  target: SnapshotTarget,
  volume: TargetVolume,
  at: Date,
): string {
  return `${label(target)} ${volume.device} ${shortStamp(at)}`;
}

/** One description for the call (EC2 sets the same on each), at most 255 characters. */
export function snapshotDescription(
  target: SnapshotTarget,
  volumes: readonly TargetVolume[],
  at: Date,
): string {
  const who =
    target.name === ''
      ? target.instanceId
      : `${target.instanceId} (${target.name.slice(0, 60)})`;
  const devices = volumes.map((volume) => volume.device).join(', ');
  const text = `opsdeck snapshot-all of ${who} ${devices} at ${runStamp(at)}`;
  return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}
