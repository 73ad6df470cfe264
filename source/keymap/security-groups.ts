/**
 * Keys of the security-group panes, and the one on the instances pane that
 * changes an instance's groups. L is the same "lock SSH" on both panes.
 */
import type { Binding } from './bindings.js';

const groups = 'pane:groups' as const;
const rules = 'pane:rules' as const;

const lockSsh = (scope: typeof groups | typeof rules) =>
  ({
    command: `${scope === groups ? 'groups' : 'rules'}.lockSsh` as const,
    keys: ['L'],
    scope,
    hint: 'lock ssh',
    write: true,
    description:
      'lock SSH to you: replace SSH from anywhere with your address (plan first)',
  }) satisfies Binding;

const addRule = (scope: typeof groups | typeof rules) =>
  ({
    command: `${scope === groups ? 'groups' : 'rules'}.addRule` as const,
    keys: ['a'],
    scope,
    hint: 'add rule',
    write: true,
    description: 'add a rule: direction, protocol or service, ports, source',
  }) satisfies Binding;

export const SECURITY_GROUP_BINDINGS = [
  lockSsh(groups),
  addRule(groups),
  {
    command: 'groups.create',
    keys: ['n'],
    scope: groups,
    hint: 'new',
    write: true,
    description: 'create a group: name, description, VPC',
  },
  {
    command: 'groups.delete',
    keys: ['X'],
    scope: groups,
    hint: 'delete',
    write: true,
    description: 'delete (refused while in use; type the ID to confirm)',
  },
  lockSsh(rules),
  addRule(rules),
  {
    command: 'rules.remove',
    keys: ['X'],
    scope: rules,
    hint: 'remove',
    write: true,
    description:
      'remove the rule (typed confirmation for the last one letting SSH in)',
  },
  {
    command: 'rules.describe',
    keys: ['e'],
    scope: rules,
    hint: 'describe',
    write: true,
    description: "edit the rule's description",
  },
  {
    command: 'instances.groups',
    keys: ['F'],
    scope: 'pane:instances',
    write: true,
    description:
      "change the instance's security groups, showing the rules gained and lost",
  },
] as const satisfies readonly Binding[];
