/** Words and tones shared by the EC2 panes. Pure. */
import type { Tags } from '../../aws/ec2/types.js';
import type { Tone } from '../../lib/view-types.js';
import type { ColumnSpec } from '../../table/table-spec.js';

/** "45s", "12m", "5h", "3d", "7w", "2y": compact and sortable by eye. */
export function formatAge(
  date: Date | undefined,
  now: Date = new Date(),
): string {
  if (!date) return '';
  const seconds = Math.max(
    0,
    Math.round((now.getTime() - date.getTime()) / 1000),
  );
  const units: [number, string][] = [
    [365 * 86400, 'y'],
    [7 * 86400, 'w'],
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
  ];
  for (const [size, unit] of units)
    if (seconds >= size) return `${Math.floor(seconds / size)}${unit}`;
  return `${seconds}s`;
}

/** The AGE column of a list: compact age, newest first when sorted. */
export function ageColumn<Row>(
  id: string,
  when: (row: Row) => Date | undefined,
  priority: number,
): ColumnSpec<Row> {
  return {
    id,
    title: 'AGE',
    value: (row) => formatAge(when(row)),
    sortValue: (row) => -(when(row)?.getTime() ?? 0),
    min: 3,
    priority,
  };
}

/** ISO date and time in UTC, to the minute, for detail views. */
export function formatTime(date: Date | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
}

export function formatTags(tags: Tags): string {
  return Object.entries(tags)
    .filter(([key]) => key !== 'Name')
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

/** Tag rows for a detail view, Name first. */
export function tagRows(tags: Tags): [string, string][] {
  const entries = Object.entries(tags).sort(([a], [b]) =>
    a === 'Name' ? -1 : b === 'Name' ? 1 : a.localeCompare(b),
  );
  return entries.length > 0 ? entries : [['(no tags)', '']];
}

export function instanceStateTone(state: string): Tone | undefined {
  if (state === 'running') return 'ok';
  if (state === 'stopped') return 'error';
  if (state === 'terminated') return 'muted';
  return 'warn';
}

export const TRANSITIONAL_INSTANCE_STATES: ReadonlySet<string> = new Set([
  'pending',
  'stopping',
  'shutting-down',
]);

/** The name and ID together, as people say them: "web-1 (i-0abc…)". */
export function nameAndId(name: string, id: string): string {
  return name ? `${name} (${id})` : id;
}
