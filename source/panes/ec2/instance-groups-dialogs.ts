/** What F on an instance asks: its new set of groups, then the rules gained and lost. Pure. */
import type { InstanceRow } from '../../aws/ec2/types.js';
import type { SecurityGroupRow } from '../../aws/ec2/security-groups/types.js';
import { type FormSpec } from '../../lib/form.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { nameAndId } from './ec2-format.js';
import { ruleLine } from './groups-spec.js';

/** Names or IDs, separated by commas or spaces, as groups of the instance's VPC. */
export function parseGroupList(
  text: string,
  groups: readonly SecurityGroupRow[],
  vpcId: string,
): { groups: SecurityGroupRow[] } | { error: string } {
  const words = text.split(/[\s,]+/).filter((word) => word !== '');
  if (words.length === 0)
    return { error: 'groups: an instance needs at least one group' };
  const found: SecurityGroupRow[] = [];
  for (const word of words) {
    const matches = groups.filter(
      (group) =>
        (group.id === word || group.name === word) &&
        (vpcId === '' || group.vpcId === vpcId),
    );
    const [match] = matches;
    if (!match)
      return {
        error: `groups: no group "${word}" in ${vpcId || 'this region'}`,
      };
    if (!found.includes(match)) found.push(match);
  }
  return { groups: found };
}

export function instanceGroupsForm(
  instance: InstanceRow,
  groups: readonly SecurityGroupRow[],
): FormSpec {
  return {
    title: `Security groups of ${nameAndId(instance.name, instance.id)}`,
    submitLabel: 'Show the change',
    fields: [
      {
        name: 'groups',
        label: 'Groups',
        initial: instance.securityGroups
          .map((group) => group.name || group.id)
          .join(', '),
        hint: `names or IDs of ${instance.vpcId || 'the region'}, comma-separated`,
        validate: (value) => {
          const parsed = parseGroupList(value, groups, instance.vpcId);
          return 'error' in parsed ? parsed.error : undefined;
        },
      },
    ],
  };
}

/** Inbound and outbound rules that come with the new groups and go with the old. */
function rulesChange(
  before: readonly SecurityGroupRow[],
  after: readonly SecurityGroupRow[],
) {
  const lines = (groups: readonly SecurityGroupRow[]) =>
    new Set(
      groups.flatMap((group) =>
        [...group.inbound, ...group.outbound].map(
          (rule) => `${rule.direction} ${ruleLine(rule)}`,
        ),
      ),
    );
  const old = lines(before);
  const next = lines(after);
  return {
    gained: [...next].filter((line) => !old.has(line)),
    lost: [...old].filter((line) => !next.has(line)),
  };
}

export function changeGroupsRequest(
  instance: InstanceRow,
  before: readonly SecurityGroupRow[],
  after: readonly SecurityGroupRow[],
): ConfirmRequest {
  const { gained, lost } = rulesChange(before, after);
  return {
    level: 'yes-no',
    title: `Groups of ${nameAndId(instance.name, instance.id)}: ${after.map((group) => group.name).join(', ')}`,
    targets: [
      ...gained.map((line) => `+ ${line}`),
      ...lost.map((line) => `- ${line}`),
      ...(gained.length + lost.length === 0
        ? ['(the rules stay the same)']
        : []),
    ],
    warnings: [
      `Before: ${before.map((group) => group.name || group.id).join(', ') || '(none)'}`,
      'Takes effect at once; connections that a lost rule allowed may drop.',
    ],
    action: 'Change',
    options: [DRY_RUN_OPTION],
  };
}
