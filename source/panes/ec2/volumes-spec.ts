import type { VolumeRow } from '../../aws/ec2/types.js';
import type { SessionServices } from '../../session/session.js';
import { ageColumn, formatTime, tagRows } from './ec2-format.js';
import { numberColumn } from '../../table/number-column.js';
import type { Tone } from '../../lib/view-types.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

const WEEK_MS = 7 * 86400 * 1000;

/** Available and older than a week: probably forgotten, and billed. */
function volumeFlags(row: VolumeRow, now: Date = new Date()): string {
  const flags: string[] = [];
  if (
    row.state === 'available' &&
    row.created &&
    now.getTime() - row.created.getTime() > WEEK_MS
  )
    flags.push('unattached 7d+');
  if (!row.encrypted) flags.push('unencrypted');
  return flags.join(', ');
}

function stateTone(state: string): Tone | undefined {
  if (state === 'in-use') return 'ok';
  if (state === 'available') return 'info';
  if (state === 'error') return 'error';
  return 'warn';
}

function performance(row: VolumeRow): string {
  return [row.iops, row.throughput]
    .map((value) => (value === undefined ? '-' : String(value)))
    .join('/');
}

export const volumesSpec: TablePaneSpec<
  VolumeRow,
  Pick<SessionServices, 'volumes'>
> = {
  name: 'volumes',
  columns: [
    { id: 'id', title: 'ID', value: (row) => row.id, min: 21 },
    {
      id: 'name',
      title: 'NAME',
      value: (row) => row.name,
      min: 6,
      grow: 1,
      growMax: 32,
      priority: 2,
    },
    numberColumn({
      id: 'size',
      title: 'GIB',
      number: (row) => row.size,
      min: 3,
    }),
    {
      id: 'type',
      title: 'TYPE',
      value: (row) => row.type,
      min: 4,
      priority: 3,
    },
    { id: 'iops', title: 'IOPS/MBPS', value: performance, min: 5, priority: 8 },
    {
      id: 'state',
      title: 'STATE',
      value: (row) => row.state,
      tone: (row) => stateTone(row.state),
      min: 6,
    },
    { id: 'az', title: 'AZ', value: (row) => row.az, min: 10, priority: 5 },
    {
      id: 'attached',
      title: 'ATTACHED TO',
      value: (row) =>
        row.attachments
          .map(
            (attachment) =>
              `${attachment.instanceName ?? attachment.instanceId} ${attachment.device.replace(/^\/dev\//, '')}`,
          )
          .join(', '),
      min: 10,
      grow: 1,
      growMax: 40,
      priority: 4,
    },
    {
      id: 'encrypted',
      title: 'ENC',
      value: (row) => (row.encrypted ? 'yes' : 'no'),
      tone: (row) => (row.encrypted ? undefined : 'warn'),
      min: 3,
      priority: 7,
    },
    ageColumn('created', (row) => row.created, 9),
    {
      id: 'flags',
      title: 'FLAGS',
      value: (row) => volumeFlags(row),
      tone: (row) => (volumeFlags(row) ? 'warn' : undefined),
      min: 8,
      priority: 6,
    },
  ],
  rowId: (row) => row.id,
  tags: (row) => row.tags,
  transitional: (row) =>
    ['creating', 'deleting'].includes(row.state) ||
    row.attachments.some(
      (attachment) =>
        attachment.state === 'attaching' || attachment.state === 'detaching',
    ),
  describe: (row) => [
    {
      title: `${row.name || row.id} (${row.id})`,
      rows: [
        ['State', row.state],
        ['Size', `${row.size} GiB`],
        ['Type', row.type],
        [
          'IOPS / throughput',
          `${row.iops ?? '-'} / ${row.throughput === undefined ? '-' : `${row.throughput} MiB/s`}`,
        ],
        ['Zone', `${row.az} (${row.region})`],
        [
          'Encrypted',
          row.encrypted
            ? `yes${row.kmsKeyId ? ` (${row.kmsKeyId})` : ''}`
            : 'no',
        ],
        ['From snapshot', row.snapshotId || '(none)'],
        ['Created', formatTime(row.created)],
        ['Flags', volumeFlags(row) || '(none)'],
      ],
    },
    {
      title: 'Attachments',
      rows:
        row.attachments.length > 0
          ? row.attachments.map(
              (attachment) =>
                [
                  attachment.device,
                  `${attachment.instanceName ? `${attachment.instanceName} (${attachment.instanceId})` : attachment.instanceId} ${attachment.state}${attachment.deleteOnTermination ? ', deleted with the instance' : ''}`,
                ] as const,
            )
          : [['(not attached)', '']],
    },
    { title: 'Tags', rows: tagRows(row.tags) },
  ],
  load: (services, cursor, signal) => services.volumes.list(cursor, signal),
};
