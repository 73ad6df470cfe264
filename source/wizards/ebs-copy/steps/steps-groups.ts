/**
 * The copy-security-groups step: each group of the instance recreated in
 * the target VPC, then its rules added with references rewritten to the new
 * group IDs. Adopts the groups an interrupted run made.
 */
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { ec2Call, ec2ErrorCode } from '../../../aws/ec2/ec2-errors.js';
import { findGroups } from '../run/find.js';
import {
  ALLOW_ALL_EGRESS,
  hasAllowAllEgress,
  rewriteRules,
} from './security-groups.js';
import type { StepContext } from '../run/step-context.js';
import { SOURCE_GROUP_TAG, tagMap, tagSpecs } from '../tags.js';
import { targetVpc } from './target-network.js';

async function authorize(
  client: EC2Client,
  groupId: string,
  rules: IpPermission[],
  egress: boolean,
) {
  for (const rule of rules) {
    const input = { GroupId: groupId, IpPermissions: [rule] };
    try {
      if (egress)
        await client.send(new AuthorizeSecurityGroupEgressCommand(input));
      else await client.send(new AuthorizeSecurityGroupIngressCommand(input));
    } catch (error) {
      // Already there: added before an interruption, or EC2's default egress rule.
      if (ec2ErrorCode(error) !== 'InvalidPermission.Duplicate') throw error;
    }
  }
}

export async function copySecurityGroups(ctx: StepContext): Promise<void> {
  const source = await ctx.sourceClient();
  const target = await ctx.targetClient();
  const vpcId = await targetVpc(ctx, target);
  const described = await ec2Call(
    ctx.context('DescribeSecurityGroups', undefined, ctx.request.source.region),
    () =>
      source.send(
        new DescribeSecurityGroupsCommand({
          GroupIds: [...(ctx.facts.securityGroupIds ?? [])],
        }),
      ),
  );
  const groups = described.SecurityGroups ?? [];
  const made = await findGroups(target, ctx.runId, ctx.step.id);
  const map: Record<string, string> = {};
  const notes: string[] = [];
  for (const group of groups) {
    const sourceId = group.GroupId ?? '';
    const adopted = made.find((entry) => entry.source === sourceId);
    if (adopted !== undefined) {
      map[sourceId] = adopted.id;
      await ctx.remember(
        { [`group:${sourceId}`]: adopted.id },
        [
          {
            type: 'security-group',
            id: adopted.id,
            region: ctx.step.region,
            intermediate: false,
          },
        ],
        'found',
      );
      continue;
    }
    const inVpc = await target.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'group-name', Values: [group.GroupName ?? ''] },
        ],
      }),
    );
    const clash = (inVpc.SecurityGroups ?? []).find(
      (entry) => entry.GroupName === group.GroupName,
    );
    if (group.GroupName === 'default' && clash?.GroupId !== undefined) {
      map[sourceId] = clash.GroupId;
      notes.push(
        `${sourceId} is a default group: the target VPC's default group ${clash.GroupId} is used, its rules are not changed`,
      );
      continue;
    }
    const name =
      clash === undefined
        ? (group.GroupName ?? sourceId)
        : `${group.GroupName ?? sourceId} ${ctx.runId}`;
    const created = await ec2Call(
      ctx.context('CreateSecurityGroup', name),
      () =>
        target.send(
          new CreateSecurityGroupCommand({
            GroupName: name,
            Description: group.Description || `copy of ${sourceId}`,
            VpcId: vpcId,
            TagSpecifications: tagSpecs(
              ['security-group'],
              ctx.tags({ ...tagMap(group.Tags), [SOURCE_GROUP_TAG]: sourceId }),
            ),
          }),
        ),
    );
    map[sourceId] = created.GroupId ?? '';
    await ctx.remember({ [`group:${sourceId}`]: map[sourceId] ?? '' }, [
      {
        type: 'security-group',
        id: map[sourceId] ?? '',
        region: ctx.step.region,
        intermediate: false,
      },
    ]);
  }
  // Second pass, once every group exists: rules may name each other.
  for (const group of groups) {
    const groupId = map[group.GroupId ?? ''] ?? '';
    if (group.GroupName === 'default') continue;
    const ingress = rewriteRules(group.IpPermissions ?? [], map);
    const egress = rewriteRules(group.IpPermissionsEgress ?? [], map);
    notes.push(
      ...[...ingress.dropped, ...egress.dropped].map(
        (rule) => `${group.GroupId ?? ''}: not copied: ${rule}`,
      ),
    );
    await ec2Call(
      ctx.context('AuthorizeSecurityGroupIngress', groupId),
      async () => {
        await authorize(target, groupId, ingress.permissions, false);
        await authorize(target, groupId, egress.permissions, true);
        if (!hasAllowAllEgress(group.IpPermissionsEgress ?? []))
          await target
            .send(
              new RevokeSecurityGroupEgressCommand({
                GroupId: groupId,
                IpPermissions: [ALLOW_ALL_EGRESS],
              }),
            )
            .catch((error: unknown) => {
              if (ec2ErrorCode(error) !== 'InvalidPermission.NotFound')
                throw error;
            });
      },
    );
  }
  await ctx.remember({
    groupMap: JSON.stringify(map),
    ...(notes.length === 0 ? {} : { notes: notes.join('\n') }),
  });
}
