/**
 * Reading security groups: every group of the region with its rules, the
 * network interfaces that use each (DescribeNetworkInterfaces by group-id),
 * and the flags; the interfaces and instances behind one group.
 */
import type {
  EC2Client,
  NetworkInterface,
  SecurityGroup,
} from '@aws-sdk/client-ec2';
import { UserError } from '../../../lib/errors.js';
import type { AwsClientFactory } from '../../client-factory.js';
import { ec2Call, ec2Context } from '../ec2-errors.js';
import { instanceNames } from '../instance-names.js';
import { tagsToRecord } from '../rows.js';
import { checkGroupId } from '../validate.js';
import { toGroupRows } from './group-rows.js';
import type {
  GroupInstance,
  GroupUser,
  SecurityGroupService,
} from './types.js';

/** EC2 takes at most 200 values per filter. */
const FILTER_VALUES = 200;

type GroupReads = Pick<
  SecurityGroupService,
  'list' | 'find' | 'users' | 'instances' | 'vpcs'
>;

async function allGroups(
  client: EC2Client,
  signal: AbortSignal | undefined,
): Promise<SecurityGroup[]> {
  const { paginateDescribeSecurityGroups } = await import('../ec2-sdk.js');
  const groups: SecurityGroup[] = [];
  for await (const page of paginateDescribeSecurityGroups(
    { client, pageSize: 1000 },
    {},
    { abortSignal: signal },
  ))
    groups.push(...(page.SecurityGroups ?? []));
  return groups;
}

/**
 * The network interfaces that use any of `groupIds`, one call per 200
 * groups, each interface once. Callers read the groups from each interface
 * (always current) rather than trust the filter alone.
 */
async function groupInterfaces(
  client: EC2Client,
  groupIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<NetworkInterface[]> {
  const { DescribeNetworkInterfacesCommand } = await import('../ec2-sdk.js');
  const found = new Map<string, NetworkInterface>();
  for (let start = 0; start < groupIds.length; start += FILTER_VALUES) {
    const page = await client.send(
      new DescribeNetworkInterfacesCommand({
        Filters: [
          {
            Name: 'group-id',
            Values: groupIds.slice(start, start + FILTER_VALUES),
          },
        ],
      }),
      { abortSignal: signal },
    );
    for (const eni of page.NetworkInterfaces ?? [])
      found.set(eni.NetworkInterfaceId ?? '', eni);
  }
  return [...found.values()];
}

function interfaceCounts(
  interfaces: readonly NetworkInterface[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const eni of interfaces)
    for (const group of eni.Groups ?? [])
      if (group.GroupId !== undefined)
        counts.set(group.GroupId, (counts.get(group.GroupId) ?? 0) + 1);
  return counts;
}

export function createGroupReads(factory: AwsClientFactory): GroupReads {
  const sdk = () => import('../ec2-sdk.js');
  const reads: GroupReads = {
    async list(signal) {
      const client = await factory.ec2();
      const groups = await ec2Call(
        ec2Context(factory, 'DescribeSecurityGroups'),
        () => allGroups(client, signal),
      );
      const interfaces = await ec2Call(
        ec2Context(factory, 'DescribeNetworkInterfaces'),
        () =>
          groupInterfaces(
            client,
            groups.map((group) => group.GroupId ?? ''),
            signal,
          ),
      );
      const counts = interfaceCounts(interfaces);
      return toGroupRows(groups, counts);
    },

    async find(idOrName, signal) {
      const wanted = idOrName.trim();
      if (wanted === '')
        throw new UserError('group: required', {
          hint: 'a group ID (sg-...) or name',
        });
      const rows = await reads.list(signal);
      const byId = rows.find((row) => row.id === wanted);
      if (byId) return byId;
      const named = rows.filter((row) => row.name === wanted);
      const [only] = named;
      if (named.length === 1 && only) return only;
      if (named.length > 1)
        throw new UserError(
          `group: ${named.length} groups are named "${wanted}" (${named.map((row) => `${row.id} in ${row.vpcId || 'no VPC'}`).join(', ')})`,
          {
            hint: 'name the group by its ID',
          },
        );
      throw new UserError(
        `group: no group "${wanted}" in ${factory.settings.region}`,
        {
          hint: 'opsdeck sg ls lists the groups of the region; --region picks another',
        },
      );
    },

    async users(groupId, signal) {
      checkGroupId(groupId);
      const client = await factory.ec2();
      const context = ec2Context(factory, 'DescribeNetworkInterfaces', groupId);
      const groups = await ec2Call(context, () => allGroups(client, signal));
      const interfaces = (
        await ec2Call(context, () =>
          groupInterfaces(
            client,
            groups.map((group) => group.GroupId ?? ''),
            signal,
          ),
        )
      ).filter((eni) =>
        (eni.Groups ?? []).some((group) => group.GroupId === groupId),
      );
      const names = await instanceNames(
        client,
        interfaces.flatMap((eni) => eni.Attachment?.InstanceId ?? []),
        signal,
      );
      return interfaces.map((eni): GroupUser => {
        const instanceId = eni.Attachment?.InstanceId ?? '';
        return {
          interfaceId: eni.NetworkInterfaceId ?? '',
          instanceId,
          instanceName: names.get(instanceId) ?? '',
          description: eni.Description ?? '',
        };
      });
    },

    async instances(groupId, signal) {
      // From the network interfaces, which always carry the current groups.
      const ids = [
        ...new Set(
          (await reads.users(groupId, signal)).flatMap((user) =>
            user.instanceId === '' ? [] : [user.instanceId],
          ),
        ),
      ];
      if (ids.length === 0) return [];
      const client = await factory.ec2();
      const { DescribeInstancesCommand } = await sdk();
      const found = await ec2Call(
        ec2Context(factory, 'DescribeInstances', groupId),
        () =>
          client.send(
            new DescribeInstancesCommand({
              Filters: [
                { Name: 'instance-id', Values: ids.slice(0, FILTER_VALUES) },
              ],
            }),
            { abortSignal: signal },
          ),
      );
      return (found.Reservations ?? [])
        .flatMap((reservation) => reservation.Instances ?? [])
        .filter(
          (instance) =>
            instance.State?.Name !== 'terminated' &&
            // The instance's own list is the current one; an emulator may keep an interface's old groups.
            (instance.SecurityGroups ?? []).some(
              (group) => group.GroupId === groupId,
            ),
        )
        .map((instance): GroupInstance => ({
          id: instance.InstanceId ?? '',
          name: tagsToRecord(instance.Tags)['Name'] ?? '',
          state: instance.State?.Name ?? 'unknown',
          groupIds: (instance.SecurityGroups ?? []).flatMap(
            (group) => group.GroupId ?? [],
          ),
        }));
    },

    async vpcs(signal) {
      const client = await factory.ec2();
      const { DescribeVpcsCommand } = await sdk();
      const found = await ec2Call(ec2Context(factory, 'DescribeVpcs'), () =>
        client.send(new DescribeVpcsCommand({}), { abortSignal: signal }),
      );
      return (found.Vpcs ?? []).flatMap((vpc) => vpc.VpcId ?? []);
    },
  };
  return reads;
}
