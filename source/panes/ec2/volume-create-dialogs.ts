/** What `n` on the volumes pane asks, and the volume spec its answers make. Pure. */
import type { VolumeSpec } from '../../aws/ec2/types.js';
import type { Glyphs } from '../../lib/charset.js';
import {
  VOLUME_SIZES,
  checkVolumeSize,
  checkPerformance,
  checkSnapshotId,
} from '../../aws/ec2/validate.js';
import {
  type FormValues,
  wholeNumber,
  checked,
  type FormSpec,
  YES,
  isOn,
} from '../../lib/form.js';
import { type ConfirmRequest, DRY_RUN_OPTION } from '../../safety/confirm.js';

export const VOLUME_TYPES = Object.keys(VOLUME_SIZES);

/** Size, IOPS and throughput checked together against the chosen type. */
export function performanceRule(
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
