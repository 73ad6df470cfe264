/** What the volume actions ask, and how their answers become service calls. Pure. */
import type {
  InstanceRow,
  VolumeRow,
  VolumeSpec,
} from '../../aws/ec2/types.js';
import {
  checkDescription,
  checkDevice,
  checkPerformance,
  checkSizeGrows,
  checkSnapshotId,
  checkVolumeSize,
  deviceLetter,
  suggestDevice,
  VOLUME_SIZES,
} from '../../aws/ec2/validate.js';
import {
  checked,
  isOn,
  wholeNumber,
  YES,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { nameAndId } from './ec2-format.js';
import type { Glyphs } from '../../lib/charset.js';

export const VOLUME_TYPES = Object.keys(VOLUME_SIZES);

function volumeLabel(row: VolumeRow): string {
  return `${row.id}  ${row.size} GiB ${row.type}  ${row.az}${row.name ? `  ${row.name}` : ''}`;
}

/** Size, IOPS and throughput checked together against the chosen type. */
function performanceRule(
  field: 'size' | 'iops' | 'throughput',
  /** What to say when the field is left empty; nothing when it may be. */
  missing: (values: FormValues) => string | undefined = () => undefined,
) {
  return (value: string, values: FormValues) => {
    const type = values['type'] ?? 'gp3';
    const number = wholeNumber(value);
    if (number === undefined) return missing(values);
    if (Number.isNaN(number)) return 'a whole number';
    if (field === 'size') return checked(() => checkVolumeSize(type, number));
    return checked(() =>
      checkPerformance(
        type,
        field === 'iops' ? number : undefined,
        field === 'throughput' ? number : undefined,
      ),
    );
  };
}

export function createVolumeForm(
  zones: readonly string[],
  glyphs: Glyphs,
): FormSpec {
  return {
    title: 'Create a volume',
    submitLabel: 'Continue',
    fields: [
      {
        name: 'zone',
        label: 'Zone',
        kind: 'choice',
        choices: zones,
        hint: 'a volume attaches only to instances in its zone',
      },
      {
        name: 'type',
        label: 'Type',
        kind: 'choice',
        choices: VOLUME_TYPES,
        initial: 'gp3',
      },
      {
        name: 'size',
        label: 'Size (GiB)',
        validate: performanceRule('size', (values) =>
          values['snapshot']
            ? undefined
            : 'needed unless the volume comes from a snapshot',
        ),
        placeholder: 'e.g. 100; empty with a snapshot',
      },
      {
        name: 'iops',
        label: 'IOPS',
        validate: performanceRule('iops'),
        placeholder: 'default',
        hint: 'gp3, io1, io2 only',
      },
      {
        name: 'throughput',
        label: 'Throughput MiB/s',
        validate: performanceRule('throughput'),
        placeholder: 'default',
        hint: 'gp3 only',
      },
      {
        name: 'snapshot',
        label: 'From snapshot',
        placeholder: `snap-${glyphs.ellipsis} (optional)`,
        validate: (value) =>
          value.trim() === ''
            ? undefined
            : checked(() => checkSnapshotId(value.trim())),
      },
      { name: 'encrypted', label: 'Encrypted', kind: 'toggle', initial: YES },
      { name: 'name', label: 'Name tag', placeholder: '(optional)' },
    ],
  };
}

export function volumeSpecFrom(values: FormValues): VolumeSpec {
  const number = (name: string) => wholeNumber(values[name] ?? '');
  const size = number('size');
  const iops = number('iops');
  const throughput = number('throughput');
  const snapshot = (values['snapshot'] ?? '').trim();
  const name = (values['name'] ?? '').trim();
  return {
    az: values['zone'] ?? '',
    type: values['type'] ?? 'gp3',
    encrypted: isOn(values, 'encrypted'),
    ...(size === undefined ? {} : { size }),
    ...(iops === undefined ? {} : { iops }),
    ...(throughput === undefined ? {} : { throughput }),
    ...(snapshot ? { snapshotId: snapshot } : {}),
    ...(name ? { name } : {}),
  };
}

export function createVolumeRequest(spec: VolumeSpec): ConfirmRequest {
  const size =
    spec.size === undefined ? "the snapshot's size" : `${spec.size} GiB`;
  return {
    level: 'yes-no',
    title: `Create a ${spec.type} volume of ${size} in ${spec.az}`,
    targets: [
      spec.snapshotId ? `from ${spec.snapshotId}` : 'empty',
      spec.encrypted ? 'encrypted' : 'not encrypted',
      ...(spec.name ? [`Name=${spec.name}`] : []),
    ],
    warnings: [
      'A volume is billed by the GiB-month from now on, attached or not.',
    ],
    action: 'Create',
    options: [DRY_RUN_OPTION],
  };
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

export function modifyForm(volume: VolumeRow): FormSpec {
  return {
    title: `Modify ${volume.name || volume.id}`,
    submitLabel: 'Continue',
    fields: [
      {
        name: 'size',
        label: 'Size (GiB)',
        initial: String(volume.size),
        hint: 'only grows; then grow the partition and file system (growpart, resize2fs or xfs_growfs)',
        validate: (value, values) =>
          performanceRule(
            'size',
            () => `the size to grow to, ${volume.size} GiB or more`,
          )(value, values) ??
          checked(() =>
            checkSizeGrows(volume.size, wholeNumber(value) ?? volume.size),
          ),
      },
      {
        name: 'type',
        label: 'Type',
        kind: 'choice',
        choices: VOLUME_TYPES,
        initial: volume.type,
      },
      {
        name: 'iops',
        label: 'IOPS',
        initial: volume.iops === undefined ? '' : String(volume.iops),
        validate: performanceRule('iops'),
      },
      {
        name: 'throughput',
        label: 'Throughput MiB/s',
        initial:
          volume.throughput === undefined ? '' : String(volume.throughput),
        validate: performanceRule('throughput'),
      },
    ],
  };
}

export interface VolumeChange {
  readonly size?: number;
  readonly type?: string;
  readonly iops?: number;
  readonly throughput?: number;
}

/** Only what differs from the volume, with a line per change for the confirmation. */
export function volumeChange(
  volume: VolumeRow,
  values: FormValues,
): { change: VolumeChange; lines: string[] } {
  const size = wholeNumber(values['size'] ?? '');
  const type = values['type'] || undefined;
  const iops = wholeNumber(values['iops'] ?? '');
  const throughput = wholeNumber(values['throughput'] ?? '');
  const change: VolumeChange = {
    ...(size !== undefined && size !== volume.size ? { size } : {}),
    ...(type !== undefined && type !== volume.type ? { type } : {}),
    ...(iops !== undefined && iops !== volume.iops ? { iops } : {}),
    ...(throughput !== undefined && throughput !== volume.throughput
      ? { throughput }
      : {}),
  };
  const lines = [
    change.size === undefined
      ? ''
      : `size ${volume.size} -> ${change.size} GiB`,
    change.type === undefined ? '' : `type ${volume.type} -> ${change.type}`,
    change.iops === undefined
      ? ''
      : `IOPS ${volume.iops ?? '-'} -> ${change.iops}`,
    change.throughput === undefined
      ? ''
      : `throughput ${volume.throughput ?? '-'} -> ${change.throughput} MiB/s`,
  ].filter(Boolean);
  return { change, lines };
}

export function modifyRequest(
  volume: VolumeRow,
  lines: readonly string[],
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Modify ${volume.name || volume.id}`,
    targets: lines,
    warnings: [
      'EBS allows one modification per volume every 6 hours. A bigger volume needs its file system grown afterwards.',
    ],
    action: 'Modify',
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
