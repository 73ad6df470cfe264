/** The sync flow's form and its plan, as a dialog. Pure. */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { formatBytes } from '../../lib/byte-size.js';
import type { Glyphs } from '../../lib/charset.js';
import { completePath } from '../../lib/path-completion.js';
import { isS3Uri, parseS3Uri } from '../../aws/s3/s3-uri.js';
import { checkLocationBucket } from '../../aws/s3/bucket-names.js';
import {
  checked,
  isOn,
  NO,
  wholeNumber,
  type FormSpec,
  type FormValues,
} from '../../lib/form.js';
import type { ConfirmRequest } from '../../safety/confirm.js';
import type { FilterRule } from '../../s3sync/plan/filters.js';
import type { SyncSpec } from '../../s3sync/sync-spec.js';
import type { BucketCopyTotals } from '../../s3sync/copy/copy-totals.js';
import { copyCostLines } from './copy-cost.js';
import {
  countSkip,
  noSkips,
  skipParts,
  type SkipCounts,
} from '../../s3sync/skip-kinds.js';
import type {
  CompareMode,
  PlanAction,
  PlanItem,
} from '../../s3sync/plan-types.js';

const DIRECTIONS = ['local to S3', 'S3 to local'] as const;
const MODES: Readonly<Record<string, CompareMode>> = {
  'size and time': 'default',
  'size only': 'size-only',
  checksum: 'checksum',
  'exact times': 'exact-timestamps',
};

/** An s3:// field's location, its bucket name checked before any request. */
function s3Location(value: string) {
  const location = parseS3Uri(value.trim());
  checkLocationBucket(location.bucket);
  return location;
}

export function syncForm(remote: string, local = ''): FormSpec {
  return {
    title: 'Sync a directory with S3 (a dry run comes first)',
    submitLabel: 'Plan',
    fields: [
      {
        name: 'local',
        label: 'Directory',
        initial: local,
        placeholder: '/srv/backups, ~/data or s3://other-bucket/prefix',
        hint: 'Tab completes the path; an s3:// one copies server-side',
        complete: (value) => completePath(value),
        validate: (value) =>
          value.trim() === ''
            ? 'the local directory to sync'
            : isS3Uri(value.trim())
              ? checked(() => s3Location(value))
              : undefined,
      },
      {
        name: 'remote',
        label: 'S3',
        initial: remote,
        validate: (value) =>
          checked(() => {
            if (!isS3Uri(value.trim()))
              throw new Error('an s3://bucket/prefix');
            s3Location(value);
          }),
      },
      {
        name: 'direction',
        label: 'Direction',
        kind: 'choice',
        choices: DIRECTIONS,
      },
      {
        name: 'mode',
        label: 'Compare',
        kind: 'choice',
        choices: Object.keys(MODES),
      },
      {
        name: 'delete',
        label: 'Delete extra',
        kind: 'toggle',
        initial: NO,
        hint: 'delete what the source does not have; never when the source listing fails or is empty',
      },
      {
        name: 'maxDelete',
        label: 'At most',
        placeholder: 'deletions (no limit)',
        validate: (value) =>
          value.trim() === '' || (wholeNumber(value) ?? -1) >= 0
            ? undefined
            : 'a whole number of deletions',
      },
      {
        name: 'exclude',
        label: 'Exclude',
        placeholder: "globs, e.g. *.tmp 'cache/*'",
      },
    ],
  };
}

/** "~/x" and relative paths, the way a shell user means them. */
export function localPath(value: string, cwd = process.cwd()): string {
  const trimmed = value.trim();
  if (trimmed === '~') return homedir();
  if (trimmed.startsWith('~/')) return join(homedir(), trimmed.slice(2));
  return isAbsolute(trimmed) ? trimmed : resolve(cwd, trimmed);
}

export function syncSpecFrom(values: FormValues, dryRun: boolean): SyncSpec {
  const { bucket, key } = parseS3Uri((values['remote'] ?? '').trim());
  const here = (values['local'] ?? '').trim();
  const local: SyncSpec['source'] = isS3Uri(here)
    ? {
        kind: 's3',
        bucket: parseS3Uri(here).bucket,
        prefix: parseS3Uri(here).key,
      }
    : { kind: 'local', path: localPath(here) };
  const remote = { kind: 's3' as const, bucket, prefix: key };
  const up = values['direction'] !== DIRECTIONS[1];
  const maxDelete = wholeNumber(values['maxDelete'] ?? '');
  const filters: FilterRule[] = (values['exclude'] ?? '')
    .split(/\s+/)
    .map((pattern) => pattern.replace(/^'(.*)'$/, '$1'))
    .filter((pattern) => pattern !== '')
    .map((pattern) => ({ type: 'exclude', pattern }));
  return {
    source: up ? local : remote,
    destination: up ? remote : local,
    mode: MODES[values['mode'] ?? ''] ?? 'default',
    delete: isOn(values, 'delete'),
    ...(maxDelete === undefined || Number.isNaN(maxDelete)
      ? {}
      : { maxDelete }),
    filters,
    dryRun,
  };
}

export function endpointText(endpoint: SyncSpec['source']): string {
  return endpoint.kind === 'local'
    ? endpoint.path
    : `s3://${endpoint.bucket}/${endpoint.prefix}`;
}

/** Warnings the plan lists; the rest are counted. */
const FIRST_WARNINGS = 3;
/** Rows the plan lists per action (the dialog scrolls them); the rest are counted. */
const LISTED_ROWS = 500;
const SIGNS: Readonly<Record<PlanAction, string>> = {
  upload: '+',
  download: '+',
  copy: '+',
  delete: '-',
  skip: ' ',
};

/** Counts and first rows of a dry-run plan, filled item by item. */
export interface PlanTally {
  readonly counts: Record<PlanAction, { items: number; bytes: number }>;
  readonly first: Record<PlanAction, string[]>;
  readonly warnings: string[];
  readonly skipped: SkipCounts;
}

export function newPlanTally(): PlanTally {
  const zero = () => ({ items: 0, bytes: 0 });
  return {
    counts: {
      upload: zero(),
      download: zero(),
      copy: zero(),
      delete: zero(),
      skip: zero(),
    },
    first: { upload: [], download: [], copy: [], delete: [], skip: [] },
    warnings: [],
    skipped: noSkips(),
  };
}

export function tallyItem(tally: PlanTally, item: PlanItem): void {
  const count = tally.counts[item.action];
  if (item.action === 'skip') countSkip(tally.skipped, item);
  count.items++;
  count.bytes += item.bytes || (item.remote?.size ?? item.local?.size ?? 0);
  if (item.warning && tally.warnings.length < FIRST_WARNINGS)
    tally.warnings.push(`${item.rel}: ${item.reason}`);
  const first = tally.first[item.action];
  if (item.action !== 'skip' && first.length < LISTED_ROWS)
    first.push(`  ${SIGNS[item.action]} ${item.rel} (${item.reason})`);
}

export function planChanges(tally: PlanTally): number {
  const { upload, download, copy, delete: deletes } = tally.counts;
  return upload.items + download.items + copy.items + deletes.items;
}

export function planRequest(
  spec: SyncSpec,
  tally: PlanTally,
  glyphs: Glyphs,
  totals?: BucketCopyTotals,
): ConfirmRequest {
  const lines: string[] = [];
  for (const action of ['upload', 'download', 'copy', 'delete'] as const) {
    const count = tally.counts[action];
    if (count.items === 0) continue;
    lines.push(`${action} ${count.items} (${formatBytes(count.bytes)})`);
    lines.push(...tally.first[action]);
    const unlisted = count.items - tally.first[action].length;
    if (unlisted > 0)
      lines.push(`  ${glyphs.ellipsis} and ${unlisted} more ${action}s`);
  }
  lines.push(skipParts(tally.skipped).join(', '));
  if (totals) lines.push(...copyCostLines(totals, glyphs));
  const deletes = tally.counts.delete.items;
  return {
    level: 'yes-no',
    title: `Sync ${endpointText(spec.source)} to ${endpointText(spec.destination)}`,
    targets: lines,
    warnings: [
      ...tally.warnings.map((warning) => `skipped ${warning}`),
      ...(deletes > 0
        ? [
            `${deletes} deletions run only after every transfer succeeded; deleted objects are gone unless the bucket keeps versions.`,
          ]
        : []),
    ],
    action: 'Sync',
  };
}
