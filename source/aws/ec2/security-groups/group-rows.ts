/** DescribeSecurityGroups' answer as rows: one rule per source, flags, stale references. */
import type { SecurityGroup } from '@aws-sdk/client-ec2';
import { tagsToRecord } from '../rows.js';
import { groupFlags } from './flags.js';
import { fromPermissions } from './rules.js';
import type { SecurityGroupRow } from './types.js';

export function toGroupRows(
  groups: readonly SecurityGroup[],
  counts: ReadonlyMap<string, number>,
): SecurityGroupRow[] {
  const names = new Map(
    groups.map((group) => [group.GroupId ?? '', group.GroupName ?? '']),
  );
  const known = new Set(names.keys());
  return groups.map((group) => {
    const ownerId = group.OwnerId ?? '';
    const referenceOwners = new Map<string, string>();
    for (const permission of [
      ...(group.IpPermissions ?? []),
      ...(group.IpPermissionsEgress ?? []),
    ])
      for (const pair of permission.UserIdGroupPairs ?? [])
        if (pair.GroupId !== undefined && pair.UserId !== undefined)
          referenceOwners.set(pair.GroupId, pair.UserId);
    const mark = (rules: ReturnType<typeof fromPermissions>) =>
      rules.map((rule) =>
        rule.peer.kind === 'group' &&
        !known.has(rule.peer.groupId) &&
        (referenceOwners.get(rule.peer.groupId) ?? ownerId) === ownerId
          ? { ...rule, peer: { ...rule.peer, missing: true } }
          : rule,
      );
    const inbound = mark(fromPermissions(group.IpPermissions, 'in', names));
    const outbound = mark(
      fromPermissions(group.IpPermissionsEgress, 'out', names),
    );
    const interfaces = counts.get(group.GroupId ?? '') ?? 0;
    return {
      id: group.GroupId ?? '',
      name: group.GroupName ?? '',
      description: group.Description ?? '',
      vpcId: group.VpcId ?? '',
      ownerId,
      inbound,
      outbound,
      interfaces,
      flags: groupFlags({
        inbound,
        outbound,
        interfaces,
        ownerId,
        known,
        referenceOwners,
        isDefault: group.GroupName === 'default',
      }),
      tags: tagsToRecord(group.Tags),
    };
  });
}
