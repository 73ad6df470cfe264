/** Security groups as opsdeck shows them: one row per group, one per rule source. */
import type { Outcome } from '../../../safety/write-outcome.js';
import type { Tags, WriteOptions } from '../types.js';

export type RuleDirection = 'in' | 'out';

/** Where a rule lets traffic come from (inbound) or go to (outbound). */
export type RulePeer =
  | { readonly kind: 'cidr'; readonly cidr: string }
  | { readonly kind: 'prefix-list'; readonly prefixListId: string }
  | {
      readonly kind: 'group';
      readonly groupId: string;
      /** The group's name, '' when it is unknown (another account) or gone. */
      readonly groupName: string;
      /** A group of this account that no longer exists (a stale reference). */
      readonly missing?: boolean;
    };

/** One rule for one source: what EC2 stores as one entry of an IpPermission. */
export interface RuleSpec {
  readonly direction: RuleDirection;
  /** tcp | udp | icmp | icmpv6 | all, or an IP protocol number. */
  readonly protocol: string;
  /** -1 when the protocol has no ports (all); ICMP: type and code. */
  readonly fromPort: number;
  readonly toPort: number;
  readonly peer: RulePeer;
  readonly description: string;
}

export interface SecurityGroupRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly inbound: readonly RuleSpec[];
  readonly outbound: readonly RuleSpec[];
  /** Network interfaces (instances, load balancers, databases) that use the group. */
  readonly interfaces: number;
  /** What a sysadmin should look at: "world:22", "unused", "stale ref". */
  readonly flags: readonly string[];
  readonly tags: Tags;
}

export interface GroupUser {
  readonly interfaceId: string;
  /** '' when the interface is not an instance's (a load balancer, a database). */
  readonly instanceId: string;
  readonly instanceName: string;
  readonly description: string;
}

export interface GroupInstance {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly groupIds: readonly string[];
}

export interface SecurityGroupService {
  list(signal?: AbortSignal): Promise<SecurityGroupRow[]>;
  /** A group by ID or by name (unique in the region, else an error naming the VPCs). */
  find(idOrName: string, signal?: AbortSignal): Promise<SecurityGroupRow>;
  /** Network interfaces using the group, with the instance's Name where there is one. */
  users(groupId: string, signal?: AbortSignal): Promise<GroupUser[]>;
  /** Instances whose network interfaces use the group. */
  instances(groupId: string, signal?: AbortSignal): Promise<GroupInstance[]>;
  authorize(
    groupId: string,
    rules: readonly RuleSpec[],
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  revoke(
    groupId: string,
    rules: readonly RuleSpec[],
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  /** The rule stays; only its description changes. */
  describeRule(
    groupId: string,
    rule: RuleSpec,
    description: string,
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  create(
    group: {
      readonly name: string;
      readonly description: string;
      readonly vpcId: string;
    },
    options?: WriteOptions,
  ): Promise<Outcome<{ groupId: string }>>;
  /** Refuses, naming them, while any network interface uses the group. */
  delete(groupId: string, options?: WriteOptions): Promise<Outcome<void>>;
  /** ModifyInstanceAttribute Groups: the instance's whole set of groups. */
  setInstanceGroups(
    instanceId: string,
    groupIds: readonly string[],
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  /** VPC IDs of the region, for creating a group. */
  vpcs(signal?: AbortSignal): Promise<string[]>;
}
