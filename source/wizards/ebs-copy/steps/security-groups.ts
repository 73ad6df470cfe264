/**
 * Security groups recreated in the target VPC. Group IDs exist in one
 * region only, so rules that name another group are rewritten to the new
 * group's ID; references that cannot carry over (groups not copied, prefix
 * lists, other accounts) are dropped and reported.
 */
import type { IpPermission } from '@aws-sdk/client-ec2';

export interface RewrittenRules {
  readonly permissions: IpPermission[];
  readonly dropped: string[];
}

/** The rules with group references mapped to target IDs. Pure. */
export function rewriteRules(
  rules: readonly IpPermission[],
  groupMap: Readonly<Record<string, string>>,
): RewrittenRules {
  const dropped: string[] = [];
  const permissions: IpPermission[] = [];
  for (const rule of rules) {
    const ports =
      `${rule.IpProtocol ?? '?'} ${rule.FromPort ?? ''}${rule.ToPort !== rule.FromPort ? `-${rule.ToPort ?? ''}` : ''}`.trim();
    const pairs = (rule.UserIdGroupPairs ?? []).flatMap((pair) => {
      const mapped =
        pair.GroupId === undefined ? undefined : groupMap[pair.GroupId];
      if (mapped === undefined) {
        dropped.push(
          `${ports} from ${pair.GroupId ?? pair.GroupName ?? '?'} (group not copied)`,
        );
        return [];
      }
      return [
        {
          GroupId: mapped,
          ...(pair.Description === undefined
            ? {}
            : { Description: pair.Description }),
        },
      ];
    });
    for (const list of rule.PrefixListIds ?? [])
      dropped.push(
        `${ports} from ${list.PrefixListId ?? '?'} (prefix lists are regional)`,
      );
    const kept: IpPermission = {
      IpProtocol: rule.IpProtocol,
      FromPort: rule.FromPort,
      ToPort: rule.ToPort,
      ...((rule.IpRanges?.length ?? 0) > 0 ? { IpRanges: rule.IpRanges } : {}),
      ...((rule.Ipv6Ranges?.length ?? 0) > 0
        ? { Ipv6Ranges: rule.Ipv6Ranges }
        : {}),
      ...(pairs.length > 0 ? { UserIdGroupPairs: pairs } : {}),
    };
    if (kept.IpRanges || kept.Ipv6Ranges || kept.UserIdGroupPairs)
      permissions.push(kept);
  }
  return { permissions, dropped };
}

/** Whether the rules hold EC2's default "all traffic to anywhere" egress rule. */
export function hasAllowAllEgress(rules: readonly IpPermission[]): boolean {
  return rules.some(
    (rule) =>
      rule.IpProtocol === '-1' &&
      (rule.IpRanges ?? []).some((range) => range.CidrIp === '0.0.0.0/0'),
  );
}

export const ALLOW_ALL_EGRESS: IpPermission = {
  IpProtocol: '-1',
  IpRanges: [{ CidrIp: '0.0.0.0/0' }],
};
