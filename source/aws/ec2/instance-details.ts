/** Reads about one instance: console output, security group rules, its AMI's name. */
import type { AwsClientFactory } from '../client-factory.js';
import { ec2Call, ec2Context, ec2ErrorCode } from './ec2-errors.js';
import { toSecurityGroupRules } from './rows.js';
import type { InstanceService } from './types.js';
import { checkGroupId, checkImageId, checkInstanceId } from './validate.js';

type InstanceDetails = Pick<
  InstanceService,
  'consoleOutput' | 'securityGroups' | 'imageName'
>;

/** Codes with which EC2 (or an emulator) turns down the Latest flag. */
const LATEST_REFUSED = new Set([
  'InvalidParameter',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'UnsupportedOperation',
]);

export function createInstanceDetails(
  factory: AwsClientFactory,
): InstanceDetails {
  const sdk = () => import('./ec2-sdk.js');
  return {
    async consoleOutput(id) {
      checkInstanceId(id);
      const client = await factory.ec2();
      const { GetConsoleOutputCommand } = await sdk();
      const context = ec2Context(factory, 'GetConsoleOutput', id);
      const output = await ec2Call(context, async () => {
        try {
          return await client.send(
            new GetConsoleOutputCommand({ InstanceId: id, Latest: true }),
          );
        } catch (error) {
          // Latest works only on Nitro instances; others keep the older buffer.
          if (!LATEST_REFUSED.has(ec2ErrorCode(error))) throw error;
          return client.send(new GetConsoleOutputCommand({ InstanceId: id }));
        }
      });
      return Buffer.from(output.Output ?? '', 'base64').toString('utf8');
    },

    async securityGroups(groupIds) {
      groupIds.forEach(checkGroupId);
      if (groupIds.length === 0) return [];
      const client = await factory.ec2();
      const { DescribeSecurityGroupsCommand } = await sdk();
      const context = ec2Context(
        factory,
        'DescribeSecurityGroups',
        groupIds.join(', '),
      );
      const found = await ec2Call(context, () =>
        client.send(
          new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] }),
        ),
      );
      const groups = found.SecurityGroups ?? [];
      const names = new Map<string, string>();
      for (const group of groups)
        if (group.GroupId !== undefined)
          names.set(group.GroupId, group.GroupName ?? '');
      // Rules name other groups by ID only: look their names up, best effort.
      const referenced = [
        ...new Set(
          groups.flatMap((group) =>
            [
              ...(group.IpPermissions ?? []),
              ...(group.IpPermissionsEgress ?? []),
            ]
              .flatMap((permission) => permission.UserIdGroupPairs ?? [])
              .flatMap((pair) =>
                pair.GroupId === undefined ? [] : [pair.GroupId],
              ),
          ),
        ),
      ].filter((id) => !names.has(id));
      if (referenced.length > 0) {
        try {
          const more = await client.send(
            new DescribeSecurityGroupsCommand({
              Filters: [{ Name: 'group-id', Values: referenced }],
            }),
          );
          for (const group of more.SecurityGroups ?? [])
            if (group.GroupId !== undefined)
              names.set(group.GroupId, group.GroupName ?? '');
        } catch {
          // Groups of other accounts stay as bare IDs.
        }
      }
      return groups.map((group) => toSecurityGroupRules(group, names));
    },

    async imageName(imageId) {
      checkImageId(imageId);
      const client = await factory.ec2();
      const { DescribeImagesCommand } = await sdk();
      const context = ec2Context(factory, 'DescribeImages', imageId);
      return ec2Call(context, async () => {
        try {
          const found = await client.send(
            new DescribeImagesCommand({ ImageIds: [imageId] }),
          );
          return found.Images?.[0]?.Name;
        } catch (error) {
          // A deregistered or private image has no name to offer.
          if (/^InvalidAMIID\./.test(ec2ErrorCode(error))) return undefined;
          throw error;
        }
      });
    },
  };
}
