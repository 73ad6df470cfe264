import type { BucketRow } from '../../aws/s3/types.js';
import type { SessionServices } from '../../session/session.js';
import { ageColumn, formatTime } from '../ec2/ec2-format.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

export const bucketsSpec: TablePaneSpec<
  BucketRow,
  Pick<SessionServices, 's3'>
> = {
  name: 'buckets',
  columns: [
    {
      id: 'name',
      title: 'NAME',
      value: (row) => row.name,
      min: 12,
      grow: 1,
      growMax: 63,
    },
    {
      id: 'region',
      title: 'REGION',
      value: (row) => row.region ?? '?',
      tone: (row) => (row.region === undefined ? 'muted' : undefined),
      min: 9,
      priority: 2,
    },
    {
      id: 'created',
      title: 'CREATED',
      value: (row) => formatTime(row.created),
      sortValue: (row) => row.created?.getTime() ?? 0,
      min: 10,
      priority: 3,
    },
    ageColumn('age', (row) => row.created, 4),
  ],
  rowId: (row) => row.name,
  describe: (row) => [
    {
      title: row.name,
      rows: [
        ['Region', row.region ?? '(could not be read)'],
        ['Created', formatTime(row.created)],
        ['URI', `s3://${row.name}/`],
      ],
    },
  ],
  load: async (services, _cursor, signal) => ({
    rows: await services.s3.listBuckets(signal),
  }),
};
