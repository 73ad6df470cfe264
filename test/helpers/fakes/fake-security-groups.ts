/**
 * In-memory security groups behind the service interface, for component
 * tests: writes change what the next list shows, and every call is recorded.
 */
import { toGroupRows } from '../../../source/aws/ec2/security-groups/group-rows.js';
import {
  peerText,
  sameRule,
  toPermission,
} from '../../../source/aws/ec2/security-groups/rules.js';
import type {
  GroupInstance,
  RuleSpec,
  SecurityGroupService,
} from '../../../source/aws/ec2/security-groups/types.js';
import type { SecurityGroup } from '@aws-sdk/client-ec2';

export interface FakeGroup {
  id: string;
  name: string;
  description: string;
  inbound: RuleSpec[];
  outbound: RuleSpec[];
  /** Instances using the group; one network interface each. */
  instances: GroupInstance[];
}

export interface FakeSecurityGroups {
  readonly service: SecurityGroupService;
  /** "authorize sg-1 in tcp 22 198.51.100.7/32", ... in call order. */
  readonly calls: string[];
  readonly groups: FakeGroup[];
}

export const rule = (
  direction: 'in' | 'out',
  protocol: string,
  fromPort: number,
  toPort: number,
  cidr: string,
  description = '',
): RuleSpec => ({
  direction,
  protocol,
  fromPort,
  toPort,
  peer: { kind: 'cidr', cidr },
  description,
});

const OWNER = '123456789012';

function toSdk(group: FakeGroup): SecurityGroup {
  return {
    GroupId: group.id,
    GroupName: group.name,
    Description: group.description,
    VpcId: 'vpc-1',
    OwnerId: OWNER,
    IpPermissions: group.inbound.map(toPermission),
    IpPermissionsEgress: group.outbound.map(toPermission),
  };
}

const text = (one: RuleSpec) =>
  `${one.direction} ${one.protocol} ${one.fromPort} ${peerText(one.peer)}`;

export function createFakeSecurityGroups(
  groups: FakeGroup[],
): FakeSecurityGroups {
  const calls: string[] = [];
  const find = (id: string) => {
    const group = groups.find((one) => one.id === id || one.name === id);
    if (!group) throw new Error(`group: no group "${id}"`);
    return group;
  };
  const rows = () =>
    toGroupRows(
      groups.map(toSdk),
      new Map(groups.map((group) => [group.id, group.instances.length])),
    );
  const done = <T>(result: T) => Promise.resolve({ result });
  const service: SecurityGroupService = {
    list: () => Promise.resolve(rows()),
    find: (id) => {
      const wanted = find(id).id;
      return Promise.resolve(
        rows().find((row) => row.id === wanted) ?? rows()[0]!,
      );
    },
    users: (id) =>
      Promise.resolve(
        find(id).instances.map((instance) => ({
          interfaceId: `eni-${instance.id.slice(2)}`,
          instanceId: instance.id,
          instanceName: instance.name,
          description: '',
        })),
      ),
    instances: (id) => Promise.resolve(find(id).instances),
    vpcs: () => Promise.resolve(['vpc-1']),
    authorize(id, rules, options) {
      calls.push(
        `authorize ${id} ${rules.map(text).join(', ')}${options?.dryRun ? ' (dry run)' : ''}`,
      );
      if (!options?.dryRun)
        for (const one of rules)
          (one.direction === 'in' ? find(id).inbound : find(id).outbound).push(
            one,
          );
      return done(undefined);
    },
    revoke(id, rules, options) {
      calls.push(
        `revoke ${id} ${rules.map(text).join(', ')}${options?.dryRun ? ' (dry run)' : ''}`,
      );
      if (!options?.dryRun) {
        const group = find(id);
        group.inbound = group.inbound.filter(
          (one) => !rules.some((gone) => sameRule(one, gone)),
        );
        group.outbound = group.outbound.filter(
          (one) => !rules.some((gone) => sameRule(one, gone)),
        );
      }
      return done(undefined);
    },
    describeRule(id, changed, description) {
      calls.push(`describe ${id} ${text(changed)} "${description}"`);
      const group = find(id);
      group.inbound = group.inbound.map((one) =>
        sameRule(one, changed) ? { ...one, description } : one,
      );
      return done(undefined);
    },
    create(group) {
      calls.push(`create ${group.name}`);
      const id = `sg-0new${groups.length}`;
      groups.push({
        id,
        name: group.name,
        description: group.description,
        inbound: [],
        outbound: [],
        instances: [],
      });
      return done({ groupId: id });
    },
    delete(id) {
      calls.push(`delete ${id}`);
      groups.splice(groups.indexOf(find(id)), 1);
      return done(undefined);
    },
    setInstanceGroups(instanceId, groupIds) {
      calls.push(`set-groups ${instanceId} ${groupIds.join(',')}`);
      return done(undefined);
    },
  };
  return { service, calls, groups };
}
