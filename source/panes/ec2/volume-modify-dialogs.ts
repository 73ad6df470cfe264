/** What `M` on a volume asks (size, type, IOPS, throughput) and the change it makes. Pure. */
import type { VolumeRow } from '../../aws/ec2/types.js';
import { checkSizeGrows } from '../../aws/ec2/validate.js';
import {
  checked,
  wholeNumber,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { performanceRule, VOLUME_TYPES } from './volume-create-dialogs.js';

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
