import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RunInstancesCommand,
  type EC2Client,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planLockSsh } from '../../../source/aws/ec2/security-groups/lock-ssh.js';
import { runLockSsh } from '../../../source/aws/ec2/security-groups/lock-ssh-run.js';
import { createSecurityGroupService } from '../../../source/aws/ec2/security-groups/security-groups.js';
import type { RuleSpec } from '../../../source/aws/ec2/security-groups/types.js';
import { ReadOnlyError } from '../../../source/safety/read-only.js';
import {
  IMAGE_ID,
  WRITE_REGION,
  direct,
  labFactory,
  moto,
  resultOf,
  runMarker,
  useLabProfiles,
  watchSends,
} from './ec2-lab.js';

const ssh = (cidr: string): RuleSpec => ({
  direction: 'in',
  protocol: 'tcp',
  fromPort: 22,
  toPort: 22,
  peer: { kind: 'cidr', cidr },
  description: '',
});

/** "tcp 22 0.0.0.0/0" per source, as moto holds the group's inbound rules. */
function sources(permissions: readonly IpPermission[] | undefined): string[] {
  return (permissions ?? [])
    .flatMap((permission) =>
      [
        ...(permission.IpRanges ?? []).map((range) => range.CidrIp),
        ...(permission.Ipv6Ranges ?? []).map((range) => range.CidrIpv6),
        ...(permission.UserIdGroupPairs ?? []).map((pair) => pair.GroupId),
      ].map(
        (source) =>
          `${permission.IpProtocol} ${permission.FromPort ?? ''}-${permission.ToPort ?? ''} ${source}`,
      ),
    )
    .sort();
}

describe.skipIf(!moto.info)(
  `security groups against moto${moto.missing}`,
  () => {
    useLabProfiles();
    let client: EC2Client;
    beforeAll(() => {
      client = direct(WRITE_REGION);
    });
    afterAll(() => client.destroy());

    async function inbound(groupId: string) {
      const found = await client.send(
        new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }),
      );
      return sources(found.SecurityGroups?.[0]?.IpPermissions);
    }

    async function openGroup(name: string, permissions: IpPermission[]) {
      const created = await client.send(
        new CreateSecurityGroupCommand({
          GroupName: name,
          Description: 'test group',
        }),
      );
      const groupId = created.GroupId ?? '';
      if (permissions.length > 0)
        await client.send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: groupId,
            IpPermissions: permissions,
          }),
        );
      return groupId;
    }

    async function launchIn(groupId: string, name: string) {
      const run = await client.send(
        new RunInstancesCommand({
          ImageId: IMAGE_ID,
          MinCount: 1,
          MaxCount: 1,
          SecurityGroupIds: [groupId],
          TagSpecifications: [
            { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] },
          ],
        }),
      );
      return run.Instances?.[0]?.InstanceId ?? '';
    }

    it('lists groups with rule counts, interfaces, flags and instances by name', async () => {
      const marker = runMarker();
      const open = await openGroup(`open-${marker}`, [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        },
        {
          IpProtocol: 'tcp',
          FromPort: 3306,
          ToPort: 3306,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        },
      ]);
      const idle = await openGroup(`idle-${marker}`, []);
      const instanceId = await launchIn(open, `sg-user-${marker}`);
      const { factory } = labFactory(WRITE_REGION);
      const service = createSecurityGroupService(factory);
      const rows = await service.list();
      const openRow = rows.find((row) => row.id === open);
      expect(openRow).toMatchObject({
        name: `open-${marker}`,
        interfaces: 1,
        flags: ['world:22,3306'],
      });
      expect(openRow?.inbound).toHaveLength(2);
      expect(openRow?.outbound.length).toBeGreaterThan(0);
      expect(rows.find((row) => row.id === idle)?.flags).toEqual(['unused']);
      expect(await service.instances(open)).toEqual([
        expect.objectContaining({
          id: instanceId,
          name: `sg-user-${marker}`,
          groupIds: [open],
        }),
      ]);
      expect((await service.find(`idle-${marker}`)).id).toBe(idle);
      await expect(service.find(`nope-${marker}`)).rejects.toThrow(
        /group: no group "nope-/,
      );
      factory.destroy();
    });

    it('flags a rule that names a deleted group', async () => {
      const marker = runMarker();
      const gone = await openGroup(`gone-${marker}`, []);
      const referring = await openGroup(`refers-${marker}`, [
        {
          IpProtocol: 'tcp',
          FromPort: 80,
          ToPort: 80,
          UserIdGroupPairs: [{ GroupId: gone }],
        },
      ]);
      await client.send(new DeleteSecurityGroupCommand({ GroupId: gone }));
      const { factory } = labFactory(WRITE_REGION);
      const row = (await createSecurityGroupService(factory).list()).find(
        (one) => one.id === referring,
      );
      expect(row?.flags).toContain('stale ref');
      expect(row?.inbound[0]?.peer).toMatchObject({
        groupId: gone,
        missing: true,
      });
      factory.destroy();
    });

    it('adds, describes and removes rules; refuses a duplicate in plain words', async () => {
      const groupId = await openGroup(`rules-${runMarker()}`, []);
      const { factory, events } = labFactory(WRITE_REGION);
      const service = createSecurityGroupService(factory);
      const office = { ...ssh('198.51.100.0/24'), description: 'office' };
      const v6 = ssh('2001:db8::/32');
      resultOf(await service.authorize(groupId, [office, v6]));
      expect(await inbound(groupId)).toEqual([
        'tcp 22-22 198.51.100.0/24',
        'tcp 22-22 2001:db8::/32',
      ]);
      await expect(service.authorize(groupId, [office])).rejects.toThrow(
        /has this rule already/,
      );
      resultOf(await service.describeRule(groupId, office, 'office line 2'));
      const found = await client.send(
        new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }),
      );
      expect(
        found.SecurityGroups?.[0]?.IpPermissions?.[0]?.IpRanges?.[0]
          ?.Description,
      ).toBe('office line 2');
      resultOf(await service.revoke(groupId, [office]));
      expect(await inbound(groupId)).toEqual(['tcp 22-22 2001:db8::/32']);
      expect(
        events
          .getSnapshot()
          .map((entry) => entry.message)
          .join('\n'),
      ).toMatch(/ec2:AuthorizeSecurityGroupIngress GroupId=sg-/);
      factory.destroy();
    });

    it('honours DryRun: EC2 is asked, nothing changes', async () => {
      const groupId = await openGroup(`dry-${runMarker()}`, []);
      const { factory } = labFactory(WRITE_REGION);
      const service = createSecurityGroupService(factory);
      expect(
        await service.authorize(groupId, [ssh('198.51.100.0/24')], {
          dryRun: true,
        }),
      ).toEqual({
        dryRun: { allowed: true },
      });
      expect(await inbound(groupId)).toEqual([]);
      factory.destroy();
    });

    it('creates a group, refuses to delete it while in use naming the instance, then deletes it', async () => {
      const marker = runMarker();
      const { factory } = labFactory(WRITE_REGION);
      const service = createSecurityGroupService(factory);
      const vpcs = await service.vpcs();
      const { groupId } = resultOf(
        await service.create({
          name: `made-${marker}`,
          description: 'made by a test',
          vpcId: vpcs[0] ?? '',
        }),
      );
      const other = await openGroup(`other-${marker}`, []);
      const instanceId = await launchIn(groupId, `user-${marker}`);
      await expect(service.delete(groupId)).rejects.toThrow(
        new RegExp(`in use by user-${marker} \\(eni-`),
      );
      resultOf(await service.setInstanceGroups(instanceId, [other]));
      expect((await service.instances(other)).map((one) => one.id)).toEqual([
        instanceId,
      ]);
      expect(await service.instances(groupId)).toEqual([]);
      factory.destroy();
    });

    it('deletes an unused group', async () => {
      const groupId = await openGroup(`del-${runMarker()}`, []);
      const { factory } = labFactory(WRITE_REGION);
      resultOf(await createSecurityGroupService(factory).delete(groupId));
      await expect(
        client.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] })),
      ).rejects.toThrow();
      factory.destroy();
    });

    it('refuses every write in read-only mode before any call', async () => {
      const groupId = await openGroup(`ro-${runMarker()}`, [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        },
      ]);
      const { factory, events } = labFactory(WRITE_REGION, true);
      const service = createSecurityGroupService(factory);
      const rule = ssh('198.51.100.0/24');
      const world = ssh('0.0.0.0/0');
      const calls = [
        () => service.authorize(groupId, [rule]),
        () => service.revoke(groupId, [world]),
        () => service.describeRule(groupId, world, 'x'),
        () =>
          service.create({
            name: `ro-made-${runMarker()}`,
            description: 'x',
            vpcId: '',
          }),
        () => service.setInstanceGroups('i-0123456789abcdef0', [groupId]),
        () => service.authorize(groupId, [rule], { dryRun: true }),
        () =>
          runLockSsh(
            service,
            groupId,
            planLockSsh({ id: groupId, name: '', inbound: [world] }, [
              { cidr: '198.51.100.7/32', label: 'spare' },
            ]),
          ),
      ];
      for (const call of calls)
        await expect(call()).rejects.toThrow(ReadOnlyError);
      // Each was stopped by the guard before it left the process: logged as blocked, nothing changed.
      const logged = events.getSnapshot();
      expect(logged.map((event) => event.level)).toEqual(
        calls.map(() => 'warn'),
      );
      expect(
        logged.every((event) => event.message.startsWith('blocked ec2:')),
      ).toBe(true);
      expect(await inbound(groupId)).toEqual(['tcp 22-22 0.0.0.0/0']);
      factory.destroy();
    });

    it('locks SSH to the chosen addresses: the /32s on 22, nothing from the world on 22', async () => {
      const groupId = await openGroup(`lock-${runMarker()}`, [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
          Ipv6Ranges: [{ CidrIpv6: '::/0' }],
        },
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        },
      ]);
      const { factory } = labFactory(WRITE_REGION);
      const service = createSecurityGroupService(factory);
      const group = await service.find(groupId);
      const plan = planLockSsh(group, [
        { cidr: '198.51.100.7/32', label: 'your SSH session' },
        { cidr: '203.0.113.9/32', label: 'spare' },
      ]);
      const spy = await watchSends(factory);
      expect(resultOf(await runLockSsh(service, groupId, plan))).toEqual({
        added: 2,
        removed: 2,
      });
      const sent = spy.mock.calls.map(([command]) => command.constructor.name);
      expect(sent).toEqual([
        'AuthorizeSecurityGroupIngressCommand',
        'RevokeSecurityGroupIngressCommand',
      ]);
      expect(await inbound(groupId)).toEqual([
        'tcp 22-22 198.51.100.7/32',
        'tcp 22-22 203.0.113.9/32',
        'tcp 443-443 0.0.0.0/0',
      ]);
      factory.destroy();
    });
  },
);
