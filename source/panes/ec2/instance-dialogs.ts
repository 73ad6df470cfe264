/**
 * What the instance actions ask: confirmations and forms, built from the rows
 * they act on. Pure, so every wording and rule is tested without rendering.
 */
import type { InstanceRow } from '../../aws/ec2/types.js';
import type { FormSpec } from '../../lib/form.js';
import { checked, NO } from '../../lib/form.js';
import { checkDescription, checkImageName } from '../../aws/ec2/validate.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { RETENTION_FIELDS } from './snapshot-all-dialogs.js';

function targetLabel(row: InstanceRow): string {
  return `${(row.name || '-').padEnd(16)} ${row.id}  ${row.state}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function startRequest(rows: readonly InstanceRow[]): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Start ${plural(rows.length, 'instance')}`,
    targets: rows.map(targetLabel),
    action: 'Start',
    options: [DRY_RUN_OPTION],
  };
}

export function stopRequest(rows: readonly InstanceRow[]): ConfirmRequest {
  const storeBacked = rows.filter(
    (row) =>
      row.rootDevice &&
      row.blockDevices.every((device) => device.device !== row.rootDevice),
  );
  return {
    level: 'yes-no',
    title: `Stop ${plural(rows.length, 'instance')}`,
    targets: rows.map(targetLabel),
    warnings: [
      'A stopped instance gets a new public IP when started, unless it has an Elastic IP.',
      ...(storeBacked.length > 0
        ? ['Instance-store data is lost on stop.']
        : []),
    ],
    action: 'Stop',
    options: [
      DRY_RUN_OPTION,
      {
        id: 'force',
        label: 'force',
        hint: 'no clean OS shutdown',
        warning:
          'like pulling the plug: unsaved data can be lost; use when a normal stop hangs',
      },
    ],
  };
}

export function rebootRequest(rows: readonly InstanceRow[]): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Reboot ${plural(rows.length, 'instance')}`,
    targets: rows.map(targetLabel),
    action: 'Reboot',
    options: [DRY_RUN_OPTION],
  };
}

/** One instance: type its ID or Name. Several: type how many. */
export function terminateRequest(rows: readonly InstanceRow[]): ConfirmRequest {
  const doomed = rows.flatMap((row) =>
    row.blockDevices
      .filter((device) => device.deleteOnTermination)
      .map(
        (device) =>
          `${device.volumeId} (${row.name || row.id} ${device.device})`,
      ),
  );
  const single = rows.length === 1 ? rows[0] : undefined;
  return {
    level: 'typed',
    title: `Terminate ${plural(rows.length, 'instance')}: this cannot be undone`,
    targets: rows.map(targetLabel),
    warnings: [
      doomed.length > 0
        ? `Deleted with them: ${doomed.join(', ')}`
        : 'No volume is set to be deleted with them.',
      'Instance-store data is lost. Instances with termination protection are refused.',
    ],
    expected: single ? single.id : String(rows.length),
    ...(single?.name ? { alsoAccepted: [single.name] } : {}),
    action: 'Terminate',
    options: [DRY_RUN_OPTION],
  };
}

export function imageForm(row: InstanceRow, now: Date): FormSpec {
  const stamp = now
    .toISOString()
    .slice(0, 16)
    .replace(/[-:T]/g, '')
    .replace(/^(\d{8})/, '$1-');
  return {
    title: `Create an image of ${row.name || row.id}`,
    submitLabel: 'Continue',
    fields: [
      {
        name: 'name',
        label: 'Image name',
        initial: `${row.name || row.id}-${stamp}`,
        validate: (value) => checked(() => checkImageName(value)),
      },
      {
        name: 'description',
        label: 'Description',
        initial: `image of ${row.name || row.id} (${row.id})`,
      },
      {
        name: 'noReboot',
        label: 'No reboot',
        kind: 'toggle',
        initial: NO,
        hint: 'the image may be inconsistent: files are copied while in use',
      },
    ],
  };
}

export function imageRequest(
  row: InstanceRow,
  name: string,
  noReboot: boolean,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Create image ${name}`,
    targets: [targetLabel(row)],
    warnings: [
      noReboot
        ? 'No reboot: files are copied while in use, so the image may not be consistent.'
        : 'The instance reboots so the image is consistent.',
    ],
    action: 'Create',
    options: [DRY_RUN_OPTION],
  };
}

export function snapshotAllForm(row: InstanceRow, now: Date): FormSpec {
  return {
    title: `Snapshot every volume of ${row.name || row.id}`,
    submitLabel: 'Continue',
    fields: [
      {
        name: 'description',
        label: 'Description',
        initial: `${row.name || row.id} ${now.toISOString().slice(0, 10)}`,
        validate: (value) => checked(() => checkDescription(value)),
      },
      ...RETENTION_FIELDS,
    ],
  };
}

export function snapshotAllRequest(
  row: InstanceRow,
  description: string,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Snapshot ${plural(row.blockDevices.length, 'volume')} of ${row.name || row.id}`,
    targets: row.blockDevices.map(
      (device) => `${device.device}  ${device.volumeId}`,
    ),
    warnings: [
      `Description: ${description}. Each snapshot gets the tags of its volume.`,
    ],
    action: 'Snapshot',
    options: [DRY_RUN_OPTION],
  };
}
