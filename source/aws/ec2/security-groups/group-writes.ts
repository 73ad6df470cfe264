/**
 * Changing security groups: rules in and out, a rule's description, groups
 * made and deleted, an instance's set of groups. Every call goes through the
 * write guard (read-only refuses before sending) and honours DryRun.
 */
import { UserError } from '../../../lib/errors.js';
import type { AwsClientFactory } from '../../client-factory.js';
import { ec2Context, ec2Write } from '../ec2-errors.js';
import { checkGroupId, checkInstanceId } from '../validate.js';
import { checkRule } from './check-rule.js';
import { groupCall } from './group-errors.js';
import { checkDescription, checkGroupName } from './rule-input.js';
import { toPermission } from './rules.js';
import type { RuleSpec, SecurityGroupService } from './types.js';

type GroupWrites = Pick<
  SecurityGroupService,
  | 'authorize'
  | 'revoke'
  | 'describeRule'
  | 'create'
  | 'delete'
  | 'setInstanceGroups'
>;

function checkRules(rules: readonly RuleSpec[]): void {
  if (rules.length === 0)
    throw new UserError('rule: none given', { hint: 'name at least one rule' });
  rules.forEach(checkRule);
}

export function createGroupWrites(
  factory: AwsClientFactory,
  users: SecurityGroupService['users'],
): GroupWrites {
  const sdk = () => import('../ec2-sdk.js');

  /** Inbound and outbound rules go in separate calls, inbound first. */
  async function change(
    kind: 'Authorize' | 'Revoke',
    groupId: string,
    rules: readonly RuleSpec[],
    options: Parameters<GroupWrites['authorize']>[2],
  ) {
    checkGroupId(groupId);
    checkRules(rules);
    const client = await factory.ec2();
    const commands = await sdk();
    const inbound = rules.filter((rule) => rule.direction === 'in');
    const outbound = rules.filter((rule) => rule.direction === 'out');
    const operation = `${kind}SecurityGroup${inbound.length > 0 ? 'Ingress' : 'Egress'}`;
    return ec2Write(
      ec2Context(factory, operation, groupId),
      options,
      (DryRun) =>
        groupCall(groupId, async () => {
          if (inbound.length > 0) {
            const input = {
              GroupId: groupId,
              IpPermissions: inbound.map(toPermission),
              DryRun,
            };
            await client.send(
              kind === 'Authorize'
                ? new commands.AuthorizeSecurityGroupIngressCommand(input)
                : new commands.RevokeSecurityGroupIngressCommand(input),
            );
          }
          if (outbound.length > 0) {
            const input = {
              GroupId: groupId,
              IpPermissions: outbound.map(toPermission),
              DryRun,
            };
            await client.send(
              kind === 'Authorize'
                ? new commands.AuthorizeSecurityGroupEgressCommand(input)
                : new commands.RevokeSecurityGroupEgressCommand(input),
            );
          }
        }),
    );
  }

  return {
    authorize: (groupId, rules, options) =>
      change('Authorize', groupId, rules, options),
    revoke: (groupId, rules, options) =>
      change('Revoke', groupId, rules, options),

    async describeRule(groupId, rule, description, options) {
      checkGroupId(groupId);
      checkRule(rule);
      checkDescription(description);
      const client = await factory.ec2();
      const commands = await sdk();
      const input = (DryRun: boolean) => ({
        GroupId: groupId,
        IpPermissions: [toPermission({ ...rule, description })],
        DryRun,
      });
      const inbound = rule.direction === 'in';
      return ec2Write(
        ec2Context(
          factory,
          `UpdateSecurityGroupRuleDescriptions${inbound ? 'Ingress' : 'Egress'}`,
          groupId,
        ),
        options,
        (DryRun) =>
          groupCall(groupId, async () => {
            await client.send(
              inbound
                ? new commands.UpdateSecurityGroupRuleDescriptionsIngressCommand(
                    input(DryRun),
                  )
                : new commands.UpdateSecurityGroupRuleDescriptionsEgressCommand(
                    input(DryRun),
                  ),
            );
          }),
      );
    },

    async create(group, options) {
      const name = checkGroupName(group.name);
      const description = checkDescription(group.description);
      if (description.trim() === '')
        throw new UserError('description: required', {
          hint: 'EC2 wants a description for every group',
        });
      const client = await factory.ec2();
      const { CreateSecurityGroupCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'CreateSecurityGroup', name),
        options,
        (DryRun) =>
          groupCall(name, async () => {
            const created = await client.send(
              new CreateSecurityGroupCommand({
                GroupName: name,
                Description: description,
                ...(group.vpcId === '' ? {} : { VpcId: group.vpcId }),
                DryRun,
              }),
            );
            return { groupId: created.GroupId ?? '' };
          }),
      );
    },

    async delete(groupId, options) {
      checkGroupId(groupId);
      const inUse = await users(groupId);
      if (inUse.length > 0)
        throw new UserError(
          `${groupId} is in use by ${inUse
            .map((user) =>
              user.instanceId === ''
                ? user.interfaceId
                : `${user.instanceName || user.instanceId} (${user.interfaceId})`,
            )
            .join(', ')}`,
          {
            hint: 'move those to other groups first (g on the instances pane)',
          },
        );
      const client = await factory.ec2();
      const { DeleteSecurityGroupCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'DeleteSecurityGroup', groupId),
        options,
        (DryRun) =>
          groupCall(groupId, async () => {
            await client.send(
              new DeleteSecurityGroupCommand({ GroupId: groupId, DryRun }),
            );
          }),
      );
    },

    async setInstanceGroups(instanceId, groupIds, options) {
      checkInstanceId(instanceId);
      if (groupIds.length === 0)
        throw new UserError(
          'groups: an instance needs at least one security group',
        );
      groupIds.forEach(checkGroupId);
      const client = await factory.ec2();
      const { ModifyInstanceAttributeCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'ModifyInstanceAttribute', instanceId),
        options,
        (DryRun) =>
          groupCall(groupIds.join(', '), async () => {
            await client.send(
              new ModifyInstanceAttributeCommand({
                InstanceId: instanceId,
                Groups: [...new Set(groupIds)],
                DryRun,
              }),
            );
          }),
      );
    },
  };
}
