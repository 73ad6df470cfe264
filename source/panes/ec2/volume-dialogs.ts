/** What the volume actions ask, and how their answers become service calls. Pure. */
import type { InstanceRow, VolumeRow } from '../../aws/ec2/types.js';
import {
  checkDescription,
  checkDevice,
  deviceLetter,
  suggestDevice,
} from '../../aws/ec2/validate.js';
import { checked, type FormSpec } from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { nameAndId } from './ec2-format.js';
import type { Glyphs } from '../../lib/charset.js';

function volumeLabel(row: VolumeRow): string {
  return `${row.id}  ${row.size} GiB ${row.type}  ${row.az}${row.name ? `  ${row.name}` : ''}`;
}

/** The devices an instance uses now, so a free one can be suggested and a taken one refused. */
function usedDevices(instance: InstanceRow): string[] {
  return instance.blockDevices.map((device) => device.device);
}

export function attachForm(
  volume: VolumeRow,
  instance: InstanceRow,
  glyphs: Glyphs,
): FormSpec {
  const used = usedDevices(instance);
  const takenLetters = new Set(used.map(deviceLetter));
  return {
    title: `Attach ${volume.id} to ${nameAndId(instance.name, instance.id)}`,
    submitLabel: 'Continue',
    fields: [
      {
        name: 'device',
        label: 'Device',
        initial: suggestDevice(used) ?? '',
        hint: `in use: ${used.join(', ') || 'none'}; Linux may show it as /dev/nvme${glyphs.ellipsis} or /dev/xvd${glyphs.ellipsis}`,
        validate: (value) =>
          checked(() => checkDevice(value)) ??
          (takenLetters.has(deviceLetter(value))
            ? `${value} is in use on ${instance.name || instance.id}`
            : undefined),
      },
    ],
  };
}

export function attachRequest(
  volume: VolumeRow,
  instance: InstanceRow,
  device: string,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Attach ${volume.id} to ${nameAndId(instance.name, instance.id)} as ${device}`,
    targets: [volumeLabel(volume)],
    action: 'Attach',
    options: [DRY_RUN_OPTION],
  };
}

export function detachRequest(volume: VolumeRow): ConfirmRequest {
  const on = volume.attachments
    .map(
      (attachment) =>
        `${nameAndId(attachment.instanceName ?? '', attachment.instanceId)} ${attachment.device}`,
    )
    .join(', ');
  return {
    level: 'yes-no',
    title: `Detach ${volume.id} from ${on}`,
    targets: [volumeLabel(volume)],
    warnings: [
      'Unmount the file system on the instance first (umount), or stop the instance.',
    ],
    action: 'Detach',
    options: [
      DRY_RUN_OPTION,
      {
        id: 'force',
        label: 'force',
        hint: 'when a normal detach hangs',
        warning:
          'a forced detach can corrupt the file system and lose data not yet written',
      },
    ],
  };
}

export function volumeSnapshotForm(volume: VolumeRow, now: Date): FormSpec {
  return {
    title: `Snapshot ${volume.name || volume.id}`,
    submitLabel: 'Continue',
    fields: [
      {
        name: 'description',
        label: 'Description',
        initial: `${volume.name || volume.id} ${now.toISOString().slice(0, 10)}`,
        validate: (value) => checked(() => checkDescription(value)),
      },
    ],
  };
}

export function volumeSnapshotRequest(
  volume: VolumeRow,
  description: string,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Snapshot ${volume.name || volume.id}`,
    targets: [volumeLabel(volume)],
    warnings: [
      `Description: ${description}. The snapshot gets the volume's tags.`,
    ],
    action: 'Snapshot',
    options: [DRY_RUN_OPTION],
  };
}

export function deleteVolumeRequest(volume: VolumeRow): ConfirmRequest {
  return {
    level: 'typed',
    title: `Delete ${volume.name || volume.id}: this cannot be undone`,
    targets: [volumeLabel(volume)],
    warnings: ['Everything on it is gone unless a snapshot has it.'],
    expected: volume.id,
    ...(volume.name ? { alsoAccepted: [volume.name] } : {}),
    action: 'Delete',
    options: [DRY_RUN_OPTION],
  };
}
