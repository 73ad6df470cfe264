/**
 * What the instances pane's N says when retention is asked for: the form's
 * retention fields, and the confirmation that lists what the run makes and
 * deletes (typed, as deletions cannot be undone; AMIs' snapshots named).
 */
import type { SnapshotAllReport } from '../../aws/ec2/snapshot-all/snapshot-all.js';
import type { RetentionRule } from '../../aws/ec2/snapshot-all/retention.js';
import type { InstanceRow } from '../../aws/ec2/types.js';
import type { FormField } from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';

function wholeOrBlank(label: string) {
  return (value: string) =>
    value.trim() === '' || /^[1-9]\d*$/.test(value.trim())
      ? undefined
      : `${label}: a whole number of at least 1, or blank`;
}

export const RETENTION_FIELDS: readonly FormField[] = [
  {
    name: 'keep',
    label: 'Keep newest',
    placeholder: 'blank: keep all',
    hint: "per volume, of snapshot-all's own snapshots (the new one counts)",
    validate: wholeOrBlank('Keep newest'),
  },
  {
    name: 'keepDays',
    label: 'Keep days',
    placeholder: 'blank: no age rule',
    hint: 'also keep those made within this many days',
    validate: wholeOrBlank('Keep days'),
  },
];

/** The rule the form asks for; undefined when both are blank (no retention). */
export function retentionFrom(
  values: Readonly<Record<string, string>>,
): RetentionRule | undefined {
  const number = (name: string) => {
    const value = values[name]?.trim() ?? '';
    return value === '' ? undefined : Number(value);
  };
  const rule = { keep: number('keep'), keepDays: number('keepDays') };
  return rule.keep === undefined && rule.keepDays === undefined
    ? undefined
    : rule;
}

export function snapshotRetentionRequest(
  row: InstanceRow,
  plan: SnapshotAllReport,
  rule: RetentionRule,
): ConfirmRequest {
  const label = row.name || row.id;
  const rules = [
    rule.keep === undefined ? '' : `the newest ${String(rule.keep)}`,
    rule.keepDays === undefined
      ? ''
      : `those of the last ${String(rule.keepDays)} days`,
  ].filter((one) => one !== '');
  const targets = [
    ...row.blockDevices.map(
      (device) => `make: ${device.device}  ${device.volumeId}`,
    ),
    ...plan.deleted.map(
      (old) =>
        `delete: ${old.snapshotId} of ${old.volumeId} (${old.made.toISOString().slice(5, 16).replace('T', ' ')})`,
    ),
  ];
  const warnings = [
    `Keeps ${rules.join(' and ')} per volume; only snapshots tagged by snapshot-all are deleted.`,
    ...plan.keptForImages.map(
      (kept) =>
        `${kept.snapshotId} stays: image ${kept.imageId}${kept.imageName === '' ? '' : ` (${kept.imageName})`} uses it.`,
    ),
    ...plan.failures,
  ];
  return plan.deleted.length === 0
    ? {
        level: 'yes-no',
        title: `Snapshot ${label}; nothing to delete`,
        targets,
        warnings,
        action: 'Snapshot',
      }
    : {
        level: 'typed',
        title: `Snapshot ${label} and delete ${String(plan.deleted.length)} old snapshot${plan.deleted.length === 1 ? '' : 's'}`,
        targets,
        warnings: [...warnings, 'Deleted snapshots cannot be restored.'],
        expected: row.id,
        ...(row.name === '' ? {} : { alsoAccepted: [row.name] }),
        action: 'Snapshot and delete',
      };
}
