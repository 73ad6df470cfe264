/** Steps of snapshot-all around the call: which volumes, then the per-snapshot tags. */
import { describeError } from '../../../lib/errors.js';
import type { AwsClientFactory } from '../../client-factory.js';
import { createInstanceService } from '../instances.js';
import { deviceLetter } from '../validate.js';
import { volumeTags } from './snapshot-tags.js';
import type { SnapshotTarget, TargetVolume } from './targets.js';

export interface CreatedSnapshot {
  readonly snapshotId: string;
  readonly volumeId: string;
  readonly device: string;
  state?: string;
}

export interface VolumeChoice {
  readonly volumes: TargetVolume[];
  readonly excludeBoot: boolean;
  /** Data volumes left out (ExcludeDataVolumeIds). */
  readonly excluded: string[];
}

/** The volumes left once the boot volume and the named devices are taken out. */
export function chooseVolumes(
  target: SnapshotTarget,
  request: {
    readonly excludeBoot: boolean;
    readonly excludeDevices: readonly string[];
  },
): VolumeChoice {
  const named = (device: string) =>
    request.excludeDevices.some(
      (excluded) =>
        excluded === device ||
        (deviceLetter(excluded) !== undefined &&
          deviceLetter(excluded) === deviceLetter(device)),
    );
  const isBoot = (volume: TargetVolume) => volume.device === target.rootDevice;
  const excludeBoot =
    request.excludeBoot ||
    target.volumes.some((v) => isBoot(v) && named(v.device));
  const volumes = target.volumes.filter(
    (volume) => !(isBoot(volume) ? excludeBoot : named(volume.device)),
  );
  const excluded = target.volumes
    .filter((volume) => !isBoot(volume) && named(volume.device))
    .map((volume) => volume.volumeId);
  return { volumes, excludeBoot, excluded };
}

/** Per snapshot: the volume's tags, a Name and the device (after the call, one each). */
export async function tagEach(
  factory: AwsClientFactory,
  targets: readonly SnapshotTarget[],
  made: readonly CreatedSnapshot[],
  at: Date,
  failures: string[],
): Promise<void> {
  const instances = createInstanceService(factory);
  for (const snapshot of made) {
    const target = targets.find((one) =>
      one.volumes.some((volume) => volume.volumeId === snapshot.volumeId),
    );
    const volume = target?.volumes.find(
      (one) => one.volumeId === snapshot.volumeId,
    );
    if (target === undefined || volume === undefined) continue;
    try {
      await instances.setTags(
        [snapshot.snapshotId],
        volumeTags(target, volume, at),
        [],
      );
    } catch (error) {
      failures.push(
        `${snapshot.snapshotId}: made, but its volume tags and Name were not set: ${describeError(error)}`,
      );
    }
  }
}
