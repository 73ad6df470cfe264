import { SNAPSHOT_ALL_TAG } from '../../aws/ec2/snapshot-all/retention.js';
import type { SnapshotRow } from '../../aws/ec2/types.js';
import type { SessionServices } from '../../session/session.js';
import { ageColumn, formatTime, tagRows } from './ec2-format.js';
import { numberColumn } from '../../table/number-column.js';
import type { Tone } from '../../lib/view-types.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

/** When `opsdeck ec2 snapshot-all` made it (its tag), or undefined. */
function madeBySnapshotAll(row: SnapshotRow): string | undefined {
  return row.tags[SNAPSHOT_ALL_TAG];
}

function stateTone(state: string): Tone | undefined {
  if (state === 'completed') return 'ok';
  if (state === 'error') return 'error';
  return 'warn';
}

export const snapshotsSpec: TablePaneSpec<
  SnapshotRow,
  Pick<SessionServices, 'snapshots'>
> = {
  name: 'snapshots',
  columns: [
    { id: 'id', title: 'ID', value: (row) => row.id, min: 22 },
    {
      id: 'name',
      title: 'NAME',
      value: (row) => row.name,
      min: 6,
      grow: 1,
      growMax: 28,
      priority: 4,
    },
    {
      id: 'volume',
      title: 'VOLUME',
      value: (row) => row.volumeId,
      min: 8,
      priority: 6,
    },
    numberColumn({
      id: 'size',
      title: 'GIB',
      number: (row) => row.size,
      min: 3,
      priority: 3,
    }),
    {
      id: 'state',
      title: 'STATE',
      value: (row) => row.state,
      tone: (row) => stateTone(row.state),
      min: 7,
    },
    numberColumn({
      id: 'progress',
      title: '%',
      number: (row) => row.progress,
      format: (percent) => `${percent}%`,
      min: 4,
      // Progress is what a sysadmin watches here; the volume ID can go first.
      priority: 1,
    }),
    ageColumn('started', (row) => row.started, 5),
    {
      id: 'description',
      title: 'DESCRIPTION',
      value: (row) => row.description,
      min: 10,
      grow: 2,
      priority: 2,
    },
    {
      id: 'by',
      title: 'BY',
      value: (row) => (madeBySnapshotAll(row) === undefined ? '' : 'sched'),
      tone: () => 'muted',
      min: 5,
      // Which snapshots retention may delete: worth more than the volume ID.
      priority: 2,
    },
    {
      id: 'encrypted',
      title: 'ENC',
      value: (row) => (row.encrypted ? 'yes' : 'no'),
      min: 3,
      priority: 7,
    },
  ],
  rowId: (row) => row.id,
  tags: (row) => row.tags,
  transitional: (row) => row.state === 'pending',
  describe: (row) => [
    {
      title: `${row.name || row.id} (${row.id})`,
      rows: [
        ['State', `${row.state}, ${row.progress}%`],
        ['Volume', row.volumeId],
        ['Size', `${row.size} GiB`],
        ['Started', formatTime(row.started)],
        ['Description', row.description || '(none)'],
        ['Encrypted', row.encrypted ? 'yes' : 'no'],
        [
          'Made by',
          madeBySnapshotAll(row) === undefined
            ? 'not by opsdeck snapshot-all'
            : `opsdeck ec2 snapshot-all at ${madeBySnapshotAll(row) ?? ''} (retention may delete it)`,
        ],
        ['Region', row.region],
      ],
    },
    { title: 'Tags', rows: tagRows(row.tags) },
  ],
  load: (services, cursor, signal) => services.snapshots.list(cursor, signal),
};
