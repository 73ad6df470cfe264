/** What the snapshot actions ask. Pure. */
import type { SnapshotRow } from '../../aws/ec2/types.js';
import {
  checkDescription,
  checkSizeFromSnapshot,
  checkVolumeSize,
} from '../../aws/ec2/validate.js';
import {
  checked,
  isOn,
  NO,
  wholeNumber,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { VOLUME_TYPES } from './volume-create-dialogs.js';

function snapshotLabel(row: SnapshotRow): string {
  return `${row.id}  ${row.size} GiB  ${row.state}${row.description ? `  ${row.description}` : ''}`;
}

export function volumeFromSnapshotForm(
  row: SnapshotRow,
  zones: readonly string[],
): FormSpec {
  return {
    title: `Create a volume from ${row.name || row.id}`,
    submitLabel: 'Continue',
    fields: [
      { name: 'zone', label: 'Zone', kind: 'choice', choices: zones },
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
        placeholder: `${row.size} (the snapshot's size)`,
        validate: (value: string, values: FormValues) => {
          const size = wholeNumber(value);
          if (size === undefined) return undefined;
          if (Number.isNaN(size)) return 'a whole number';
          return (
            checked(() => checkSizeFromSnapshot(size, row.size, row.id)) ??
            checked(() => checkVolumeSize(values['type'] ?? 'gp3', size))
          );
        },
      },
    ],
  };
}

export function volumeFromSnapshotRequest(
  row: SnapshotRow,
  zone: string,
  type: string,
  size: number | undefined,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Create a ${type} volume of ${size ?? row.size} GiB in ${zone}`,
    targets: [`from ${snapshotLabel(row)}`],
    action: 'Create',
    options: [DRY_RUN_OPTION],
  };
}

export function copyForm(
  row: SnapshotRow,
  sourceRegion: string,
  targetRegion: string,
): FormSpec {
  return {
    title: `Copy ${row.name || row.id} to ${targetRegion}`,
    submitLabel: 'Continue',
    fields: [
      {
        name: 'description',
        label: 'Description',
        initial: `copy of ${row.id} from ${sourceRegion}`,
        validate: (value) => checked(() => checkDescription(value)),
      },
      {
        name: 'encrypted',
        label: 'Encrypt',
        kind: 'toggle',
        initial: row.encrypted ? 'yes' : NO,
        hint: 'with the default EBS key of the target region',
      },
    ],
  };
}

export function copyRequest(
  row: SnapshotRow,
  targetRegion: string,
  values: FormValues,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Copy ${row.name || row.id} to ${targetRegion}`,
    targets: [
      snapshotLabel(row),
      `description: ${values['description'] ?? ''}`,
      isOn(values, 'encrypted') ? 'encrypted' : 'as it is',
    ],
    warnings: [
      'The copy is billed as a new snapshot in the target region, plus the data transfer between regions.',
    ],
    action: 'Copy',
    options: [DRY_RUN_OPTION],
  };
}

export function deleteSnapshotRequest(row: SnapshotRow): ConfirmRequest {
  return {
    level: 'typed',
    title: `Delete ${row.name || row.id}: this cannot be undone`,
    targets: [snapshotLabel(row)],
    warnings: [
      'Volumes can no longer be made from it. A snapshot that an image of this account uses is refused.',
    ],
    expected: row.id,
    action: 'Delete',
    options: [DRY_RUN_OPTION],
  };
}
