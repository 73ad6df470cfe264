/**
 * "Lock SSH to me": replace SSH from anywhere with SSH from named addresses.
 * Pure. The plan adds before it removes, so there is never a moment without
 * access; a world rule wider than SSH is split so the other ports it opened
 * stay open, and only port 22 stops facing the internet.
 */
import { coversTcpPort, isWorld, sameRule } from './rules.js';
import type { RuleSpec, SecurityGroupRow } from './types.js';

const SSH_PORT = 22;

export interface SshAddress {
  readonly cidr: string;
  /** Where it came from: "your SSH session", "this host", "spare". */
  readonly label: string;
}

export interface LockSshPlan {
  /** Rules to authorize, in order: the new SSH sources, then what keeps other ports open. */
  readonly add: readonly RuleSpec[];
  /** World rules that let SSH in; revoked after every add succeeded. */
  readonly remove: readonly RuleSpec[];
  /** SSH rules for the chosen addresses that exist already. */
  readonly kept: readonly RuleSpec[];
  readonly warnings: readonly string[];
}

const sshRule = (address: SshAddress): RuleSpec => ({
  direction: 'in',
  protocol: 'tcp',
  fromPort: SSH_PORT,
  toPort: SSH_PORT,
  peer: { kind: 'cidr', cidr: address.cidr },
  description: `ssh: ${address.label}`.slice(0, 255),
});

/** What a removed world rule opened besides SSH, as rules to add back. */
function remainder(rule: RuleSpec): RuleSpec[] {
  const tcp = (fromPort: number, toPort: number): RuleSpec => ({
    ...rule,
    protocol: 'tcp',
    fromPort,
    toPort,
  });
  const ranges: RuleSpec[] = [];
  const from = rule.protocol === 'all' ? 0 : rule.fromPort;
  const to = rule.protocol === 'all' ? 65535 : rule.toPort;
  if (from < SSH_PORT) ranges.push(tcp(from, SSH_PORT - 1));
  if (to > SSH_PORT) ranges.push(tcp(SSH_PORT + 1, to));
  if (rule.protocol === 'all') {
    const v6 = rule.peer.kind === 'cidr' && rule.peer.cidr.includes(':');
    ranges.push(
      { ...rule, protocol: 'udp', fromPort: 0, toPort: 65535 },
      { ...rule, protocol: v6 ? 'icmpv6' : 'icmp', fromPort: -1, toPort: -1 },
    );
  }
  return ranges;
}

export function planLockSsh(
  group: Pick<SecurityGroupRow, 'inbound' | 'name' | 'id'>,
  addresses: readonly SshAddress[],
): LockSshPlan {
  const unique = addresses.filter(
    (address, index) =>
      addresses.findIndex((other) => other.cidr === address.cidr) === index,
  );
  const wanted = unique.map(sshRule);
  const kept = wanted.filter((rule) =>
    group.inbound.some((existing) => sameRule(existing, rule)),
  );
  const remove = group.inbound.filter(
    (rule) => isWorld(rule.peer) && coversTcpPort(rule, SSH_PORT),
  );
  const reopened = remove
    .flatMap(remainder)
    .filter(
      (rule) => !group.inbound.some((existing) => sameRule(existing, rule)),
    );
  const add = [...wanted.filter((rule) => !kept.includes(rule)), ...reopened];
  const warnings: string[] = [];
  if (unique.length === 0)
    warnings.push('no address chosen: SSH would be closed to everyone');
  if (remove.length === 0)
    warnings.push(
      `${group.name || group.id} does not let SSH in from anywhere`,
    );
  if (remove.some((rule) => rule.protocol === 'all'))
    warnings.push(
      'a rule opened every protocol to the world: tcp (but 22), udp and ICMP stay open; other IP protocols close',
    );
  return { add, remove, kept, warnings };
}

/** True when nothing would change. */
export const isEmptyPlan = (plan: LockSshPlan): boolean =>
  plan.add.length === 0 && plan.remove.length === 0;
