/**
 * The `:rules` pane of one group: its inbound rules, its outbound rules,
 * then the instances that use it, one table so all three fit at 80x24.
 */
import {
  peerText,
  portsText,
  ruleKey,
} from '../../aws/ec2/security-groups/rules.js';
import type {
  GroupInstance,
  RuleSpec,
  SecurityGroupRow,
} from '../../aws/ec2/security-groups/types.js';
import type { SessionServices } from '../../session/session.js';
import type { TablePaneSpec } from '../../table/table-spec.js';
import { instanceStateTone } from './ec2-format.js';

export type RulesRow =
  | {
      readonly kind: 'rule';
      readonly key: string;
      readonly rule: RuleSpec;
      readonly group: SecurityGroupRow;
    }
  | {
      readonly kind: 'instance';
      readonly key: string;
      readonly instance: GroupInstance;
      readonly group: SecurityGroupRow;
    };

function rulesRows(
  group: SecurityGroupRow,
  instances: readonly GroupInstance[],
): RulesRow[] {
  // Keyed by what the rule is, not where it is listed: the cursor stays on
  // a rule when a write adds or removes one above it.
  const rule = (one: RuleSpec): RulesRow => ({
    kind: 'rule',
    key: ruleKey(one),
    rule: one,
    group,
  });
  return [
    ...group.inbound.map(rule),
    ...group.outbound.map(rule),
    ...instances.map((instance): RulesRow => ({
      kind: 'instance',
      key: `instance ${instance.id}`,
      instance,
      group,
    })),
  ];
}

const column = (
  row: RulesRow,
  rule: (one: RuleSpec) => string,
  instance: (one: GroupInstance) => string,
) => (row.kind === 'rule' ? rule(row.rule) : instance(row.instance));

export function rulesSpec(
  groupId: string,
): TablePaneSpec<RulesRow, Pick<SessionServices, 'securityGroups'>> {
  return {
    name: 'rules',
    columns: [
      {
        id: 'dir',
        title: 'DIR',
        value: (row) =>
          column(
            row,
            (one) => one.direction,
            () => 'used by',
          ),
        min: 3,
      },
      {
        id: 'proto',
        title: 'PROTO',
        value: (row) =>
          column(
            row,
            (one) => one.protocol,
            (one) => one.state,
          ),
        tone: (row) =>
          row.kind === 'instance'
            ? instanceStateTone(row.instance.state)
            : undefined,
        min: 4,
      },
      {
        id: 'ports',
        title: 'PORTS',
        value: (row) => column(row, portsText, () => ''),
        min: 5,
      },
      {
        id: 'source',
        title: 'SOURCE / DEST',
        value: (row) =>
          column(
            row,
            (one) => peerText(one.peer),
            (one) => one.name || one.id,
          ),
        tone: (row) =>
          row.kind === 'rule' &&
          row.rule.peer.kind === 'cidr' &&
          /^(0\.0\.0\.0|::)\/0$/.test(row.rule.peer.cidr)
            ? 'warn'
            : row.kind === 'rule' &&
                row.rule.peer.kind === 'group' &&
                row.rule.peer.missing === true
              ? 'error'
              : undefined,
        min: 12,
        grow: 1,
        growMax: 32,
      },
      {
        id: 'description',
        title: 'DESCRIPTION',
        value: (row) =>
          column(
            row,
            (one) => one.description,
            (one) => one.id,
          ),
        min: 8,
        grow: 1,
        priority: 2,
      },
    ],
    rowId: (row) => row.key,
    describe: (row) =>
      row.kind === 'rule'
        ? [
            {
              title: `${row.group.name}: ${row.rule.direction === 'in' ? 'inbound' : 'outbound'} rule`,
              rows: [
                ['Group', `${row.group.name} (${row.group.id})`],
                ['Protocol', row.rule.protocol],
                ['Ports', portsText(row.rule)],
                [
                  row.rule.direction === 'in' ? 'Source' : 'Destination',
                  peerText(row.rule.peer),
                ],
                ['Description', row.rule.description || '(none)'],
              ],
            },
          ]
        : [
            {
              title: row.instance.name || row.instance.id,
              rows: [
                ['Instance', row.instance.id],
                ['State', row.instance.state],
                ['Groups', row.instance.groupIds.join(', ')],
              ],
            },
          ],
    load: async (services, _cursor, signal) => {
      const [group, instances] = await Promise.all([
        services.securityGroups.find(groupId, signal),
        services.securityGroups.instances(groupId, signal),
      ]);
      return { rows: rulesRows(group, instances) };
    },
  };
}
