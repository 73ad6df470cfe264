/** The `:groups` pane: every security group of the region, with what needs a look flagged. */
import { peerText, portsText } from '../../aws/ec2/security-groups/rules.js';
import type {
  RuleSpec,
  SecurityGroupRow,
} from '../../aws/ec2/security-groups/types.js';
import type { SessionServices } from '../../session/session.js';
import { numberColumn } from '../../table/number-column.js';
import type { TablePaneSpec } from '../../table/table-spec.js';
import { tagRows } from './ec2-format.js';

/** "in  tcp 22 from 0.0.0.0/0", as the detail views list rules. */
export function ruleLine(rule: RuleSpec): string {
  const way = rule.direction === 'in' ? 'from' : 'to';
  return `${rule.protocol} ${portsText(rule)} ${way} ${peerText(rule.peer)}`;
}

export const groupsSpec: TablePaneSpec<
  SecurityGroupRow,
  Pick<SessionServices, 'securityGroups'>
> = {
  name: 'groups',
  columns: [
    {
      id: 'name',
      title: 'NAME',
      value: (row) => row.name,
      min: 8,
      grow: 1,
      growMax: 24,
    },
    {
      id: 'flags',
      title: 'FLAGS',
      value: (row) => row.flags.join(' '),
      tone: (row) =>
        row.flags.some((flag) => flag.startsWith('world:'))
          ? 'error'
          : row.flags.length > 0
            ? 'warn'
            : undefined,
      min: 16,
      grow: 1,
      growMax: 24,
    },
    numberColumn({
      id: 'in',
      title: 'IN',
      number: (row) => row.inbound.length,
      min: 2,
      priority: 3,
    }),
    numberColumn({
      id: 'out',
      title: 'OUT',
      number: (row) => row.outbound.length,
      min: 3,
      priority: 4,
    }),
    numberColumn({
      id: 'eni',
      title: 'ENI',
      number: (row) => row.interfaces,
      min: 3,
      priority: 3,
    }),
    { id: 'id', title: 'ID', value: (row) => row.id, min: 11, priority: 2 },
    { id: 'vpc', title: 'VPC', value: (row) => row.vpcId, min: 8, priority: 6 },
    {
      id: 'description',
      title: 'DESCRIPTION',
      value: (row) => row.description,
      min: 8,
      grow: 1,
      priority: 5,
    },
  ],
  rowId: (row) => row.id,
  tags: (row) => row.tags,
  describe: (row) => [
    {
      title: `${row.name} (${row.id})`,
      rows: [
        ['VPC', row.vpcId || '(none)'],
        ['Description', row.description],
        ['Interfaces', String(row.interfaces)],
        ['Flags', row.flags.join(', ') || '(none)'],
      ],
    },
    {
      title: 'Inbound',
      rows: row.inbound.map((rule) => [ruleLine(rule), rule.description]),
    },
    {
      title: 'Outbound',
      rows: row.outbound.map((rule) => [ruleLine(rule), rule.description]),
    },
    { title: 'Tags', rows: tagRows(row.tags) },
  ],
  load: async (services, _cursor, signal) => ({
    rows: await services.securityGroups.list(signal),
  }),
};
