/**
 * What a sysadmin should notice about a group: a port that should never face
 * the internet open to it, a group nothing uses, a rule naming a group that
 * no longer exists.
 */
import { coversTcpPort, isWorld } from './rules.js';
import type { RuleSpec } from './types.js';

/** Ports that are an incident when open to 0.0.0.0/0 or ::/0. */
const RISKY_PORTS: readonly number[] = [
  22, 3389, 3306, 5432, 6379, 9200, 27017,
];

/** "world:all" or "world:22,3306" for the risky ports the world can reach; '' when none. */
function worldFlag(inbound: readonly RuleSpec[]): string {
  const open = inbound.filter((rule) => isWorld(rule.peer));
  if (
    open.some(
      (rule) =>
        rule.protocol === 'all' ||
        (rule.protocol === 'tcp' && rule.fromPort <= 0 && rule.toPort >= 65535),
    )
  )
    return 'world:all';
  const ports = RISKY_PORTS.filter((port) =>
    open.some((rule) => coversTcpPort(rule, port)),
  );
  return ports.length === 0 ? '' : `world:${ports.join(',')}`;
}

export function groupFlags(group: {
  readonly inbound: readonly RuleSpec[];
  readonly outbound: readonly RuleSpec[];
  readonly interfaces: number;
  readonly ownerId: string;
  /** IDs of every group of the account in this region. */
  readonly known: ReadonlySet<string>;
  /** Owners of the referenced groups, as EC2 gave them with each rule. */
  readonly referenceOwners: ReadonlyMap<string, string>;
  /** The default group of a VPC cannot be deleted, so "unused" would be noise. */
  readonly isDefault: boolean;
}): string[] {
  const flags: string[] = [];
  const world = worldFlag(group.inbound);
  if (world) flags.push(world);
  if (group.interfaces === 0 && !group.isDefault) flags.push('unused');
  const stale = [...group.inbound, ...group.outbound].some(
    (rule) =>
      rule.peer.kind === 'group' &&
      !group.known.has(rule.peer.groupId) &&
      // A group of another account is not ours to find; only our own can be stale.
      (group.referenceOwners.get(rule.peer.groupId) ?? group.ownerId) ===
        group.ownerId,
  );
  if (stale) flags.push('stale ref');
  return flags;
}
