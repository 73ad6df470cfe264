import type { AddressRow } from '../../aws/ec2/types.js';
import type { SessionServices } from '../../session/session.js';
import { formatTags, nameAndId, tagRows } from './ec2-format.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

/** What a sysadmin should notice about an address: money spent for nothing. */
function addressFlag(row: AddressRow): string {
  if (!row.associationId) return 'idle: billed hourly';
  if (row.instanceState === 'stopped') return 'on a stopped instance: billed';
  return '';
}

export const eipsSpec: TablePaneSpec<
  AddressRow,
  Pick<SessionServices, 'addresses'>
> = {
  name: 'eips',
  columns: [
    { id: 'ip', title: 'PUBLIC IP', value: (row) => row.publicIp, min: 7 },
    {
      id: 'allocation',
      title: 'ALLOCATION',
      value: (row) => row.allocationId,
      min: 10,
      priority: 5,
    },
    {
      id: 'instance',
      title: 'INSTANCE',
      value: (row) =>
        row.instanceId ? nameAndId(row.instanceName, row.instanceId) : '',
      min: 10,
      grow: 1,
      growMax: 40,
    },
    {
      id: 'flag',
      title: 'FLAG',
      value: addressFlag,
      tone: (row) => (addressFlag(row) ? 'warn' : undefined),
      min: 10,
      priority: 2,
    },
    {
      id: 'private',
      title: 'PRIVATE IP',
      value: (row) => row.privateIp,
      min: 7,
      priority: 6,
    },
    {
      id: 'eni',
      title: 'ENI',
      value: (row) => row.networkInterfaceId,
      min: 8,
      priority: 7,
    },
    {
      id: 'association',
      title: 'ASSOCIATION',
      value: (row) => row.associationId,
      min: 10,
      priority: 8,
    },
    {
      id: 'tags',
      title: 'TAGS',
      value: (row) => formatTags(row.tags),
      min: 6,
      grow: 1,
      priority: 9,
    },
  ],
  rowId: (row) => row.allocationId,
  tags: (row) => row.tags,
  describe: (row) => [
    {
      title: `${row.publicIp} (${row.allocationId})`,
      rows: [
        ['Public IP', row.publicIp],
        ['Allocation', row.allocationId],
        [
          'Instance',
          row.instanceId
            ? `${nameAndId(row.instanceName, row.instanceId)}, ${row.instanceState}`
            : '(not associated)',
        ],
        ['Private IP', row.privateIp || '(none)'],
        ['Network interface', row.networkInterfaceId || '(none)'],
        ['Association', row.associationId || '(none)'],
        ['Region', row.region],
        ['Note', addressFlag(row) || 'in use'],
      ],
    },
    { title: 'Tags', rows: tagRows(row.tags) },
  ],
  load: async (services, _cursor, signal) => ({
    rows: await services.addresses.list(signal),
  }),
};
