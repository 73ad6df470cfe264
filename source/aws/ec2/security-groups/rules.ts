/**
 * EC2's IpPermissions (one entry holding many sources) as one rule per
 * source, and back: a rule is what an operator adds, removes or describes.
 */
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { RuleDirection, RulePeer, RuleSpec } from './types.js';

const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '-1': 'all',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '58': 'icmpv6',
};

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  all: '-1',
  icmp: 'icmp',
  tcp: 'tcp',
  udp: 'udp',
  icmpv6: '58',
};

export function fromPermissions(
  permissions: readonly IpPermission[] | undefined,
  direction: RuleDirection,
  groupNames: ReadonlyMap<string, string>,
): RuleSpec[] {
  return (permissions ?? []).flatMap((permission) => {
    const raw = permission.IpProtocol ?? '-1';
    const protocol = PROTOCOL_NAMES[raw] ?? raw;
    const base = {
      direction,
      protocol,
      fromPort: protocol === 'all' ? -1 : (permission.FromPort ?? -1),
      toPort: protocol === 'all' ? -1 : (permission.ToPort ?? -1),
    };
    const rule = (peer: RulePeer, description: string | undefined) => ({
      ...base,
      peer,
      description: description ?? '',
    });
    return [
      ...(permission.IpRanges ?? []).map((range) =>
        rule({ kind: 'cidr', cidr: range.CidrIp ?? '' }, range.Description),
      ),
      ...(permission.Ipv6Ranges ?? []).map((range) =>
        rule({ kind: 'cidr', cidr: range.CidrIpv6 ?? '' }, range.Description),
      ),
      ...(permission.PrefixListIds ?? []).map((list) =>
        rule(
          { kind: 'prefix-list', prefixListId: list.PrefixListId ?? '' },
          list.Description,
        ),
      ),
      ...(permission.UserIdGroupPairs ?? []).map((pair) => {
        const groupId = pair.GroupId ?? '';
        return rule(
          {
            kind: 'group',
            groupId,
            groupName: groupNames.get(groupId) ?? pair.GroupName ?? '',
          },
          pair.Description,
        );
      }),
    ];
  });
}

/** One rule as the IpPermission EC2 takes to authorize, revoke or describe it. */
export function toPermission(rule: RuleSpec): IpPermission {
  const description =
    rule.description === '' ? {} : { Description: rule.description };
  const { peer } = rule;
  const protocol = PROTOCOL_NUMBERS[rule.protocol] ?? rule.protocol;
  return {
    IpProtocol: protocol,
    ...(protocol === '-1'
      ? {}
      : { FromPort: rule.fromPort, ToPort: rule.toPort }),
    ...(peer.kind === 'cidr' && !peer.cidr.includes(':')
      ? { IpRanges: [{ CidrIp: peer.cidr, ...description }] }
      : {}),
    ...(peer.kind === 'cidr' && peer.cidr.includes(':')
      ? { Ipv6Ranges: [{ CidrIpv6: peer.cidr, ...description }] }
      : {}),
    ...(peer.kind === 'prefix-list'
      ? { PrefixListIds: [{ PrefixListId: peer.prefixListId, ...description }] }
      : {}),
    ...(peer.kind === 'group'
      ? { UserIdGroupPairs: [{ GroupId: peer.groupId, ...description }] }
      : {}),
  };
}

/** "22", "8000-8100", "all", "type 8", "type 3 code 4". */
export function portsText(
  rule: Pick<RuleSpec, 'protocol' | 'fromPort' | 'toPort'>,
): string {
  if (rule.protocol === 'all') return 'all';
  if (rule.protocol === 'icmp' || rule.protocol === 'icmpv6') {
    if (rule.fromPort === -1) return 'all';
    return rule.toPort === -1
      ? `type ${rule.fromPort}`
      : `type ${rule.fromPort} code ${rule.toPort}`;
  }
  if (rule.fromPort === -1 || (rule.fromPort === 0 && rule.toPort === 65535))
    return 'all';
  return rule.fromPort === rule.toPort
    ? String(rule.fromPort)
    : `${rule.fromPort}-${rule.toPort}`;
}

/** "203.0.113.7/32", "pl-0abc", "sg-0abc (web)", "sg-0abc (deleted)". */
export function peerText(peer: RulePeer): string {
  if (peer.kind === 'cidr') return peer.cidr;
  if (peer.kind === 'prefix-list') return peer.prefixListId;
  if (peer.missing === true) return `${peer.groupId} (deleted)`;
  return peer.groupName === ''
    ? peer.groupId
    : `${peer.groupId} (${peer.groupName})`;
}

/** The same rule (protocol, ports, peer), whatever its description. */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  return ruleKey(a) === ruleKey(b);
}

/** What names a rule in its group: direction, protocol, ports and peer (not its description). */
export function ruleKey(rule: RuleSpec): string {
  return [
    rule.direction,
    rule.protocol,
    portsText(rule),
    peerKey(rule.peer),
  ].join(' ');
}

function peerKey(peer: RulePeer): string {
  if (peer.kind === 'cidr') return peer.cidr;
  if (peer.kind === 'prefix-list') return peer.prefixListId;
  return peer.groupId;
}

/** Does the rule let traffic to `port` over TCP in? */
export function coversTcpPort(rule: RuleSpec, port: number): boolean {
  if (rule.protocol === 'all') return true;
  if (rule.protocol !== 'tcp') return false;
  return rule.fromPort <= port && port <= rule.toPort;
}

export const isWorld = (peer: RulePeer): boolean =>
  peer.kind === 'cidr' && (peer.cidr === '0.0.0.0/0' || peer.cidr === '::/0');
