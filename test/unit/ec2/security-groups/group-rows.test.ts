import type { SecurityGroup } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { toGroupRows } from '../../../../source/aws/ec2/security-groups/group-rows.js';
import {
  peerText,
  toPermission,
} from '../../../../source/aws/ec2/security-groups/rules.js';

const OWNER = '123456789012';
const world = (from: number, to: number, protocol = 'tcp') => ({
  IpProtocol: protocol,
  FromPort: from,
  ToPort: to,
  IpRanges: [{ CidrIp: '0.0.0.0/0' }],
});

const groups: SecurityGroup[] = [
  {
    GroupId: 'sg-00000001',
    GroupName: 'bastion',
    OwnerId: OWNER,
    VpcId: 'vpc-1',
    IpPermissions: [world(22, 22)],
  },
  {
    GroupId: 'sg-00000002',
    GroupName: 'db',
    OwnerId: OWNER,
    IpPermissions: [
      {
        IpProtocol: 'tcp',
        FromPort: 3306,
        ToPort: 3306,
        Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'oops' }],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        UserIdGroupPairs: [{ GroupId: 'sg-00000001', UserId: OWNER }],
      },
    ],
  },
  {
    GroupId: 'sg-00000003',
    GroupName: 'wide',
    OwnerId: OWNER,
    IpPermissions: [world(-1, -1, '-1')],
  },
  {
    GroupId: 'sg-00000004',
    GroupName: 'stale',
    OwnerId: OWNER,
    IpPermissions: [
      {
        IpProtocol: 'tcp',
        FromPort: 80,
        ToPort: 80,
        UserIdGroupPairs: [{ GroupId: 'sg-0deadbee', UserId: OWNER }],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 81,
        ToPort: 81,
        UserIdGroupPairs: [{ GroupId: 'sg-0other00', UserId: '999999999999' }],
      },
    ],
  },
  {
    GroupId: 'sg-00000005',
    GroupName: 'default',
    OwnerId: OWNER,
    IpPermissions: [world(8000, 9300)],
  },
];

describe('security group rows', () => {
  const rows = toGroupRows(
    groups,
    new Map([
      ['sg-00000001', 2],
      ['sg-00000002', 1],
      ['sg-00000003', 1],
    ]),
  );
  const byName = new Map(rows.map((row) => [row.name, row]));

  it('flags ports open to the world, unused groups and stale references', () => {
    expect(byName.get('bastion')?.flags).toEqual(['world:22']);
    expect(byName.get('db')?.flags).toEqual(['world:3306']);
    expect(byName.get('wide')?.flags).toEqual(['world:all']);
    expect(byName.get('stale')?.flags).toEqual(['unused', 'stale ref']);
    // The default group is never "unused": it cannot be deleted.
    expect(byName.get('default')?.flags).toEqual(['world:9200']);
  });

  it('has one rule per source, groups by name, deleted ones marked', () => {
    const db = byName.get('db');
    expect(db?.inbound.map((rule) => peerText(rule.peer))).toEqual([
      '::/0',
      'sg-00000001 (bastion)',
    ]);
    expect(db?.inbound[0]?.description).toBe('oops');
    expect(
      byName.get('stale')?.inbound.map((rule) => peerText(rule.peer)),
    ).toEqual(['sg-0deadbee (deleted)', 'sg-0other00']);
    expect(byName.get('bastion')).toMatchObject({
      interfaces: 2,
      vpcId: 'vpc-1',
    });
  });

  it('turns a rule back into the permission EC2 takes', () => {
    const [ipv6] = byName.get('db')?.inbound ?? [];
    expect(ipv6 && toPermission(ipv6)).toEqual({
      IpProtocol: 'tcp',
      FromPort: 3306,
      ToPort: 3306,
      Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'oops' }],
    });
    const [all] = byName.get('wide')?.inbound ?? [];
    expect(all && toPermission(all)).toEqual({
      IpProtocol: '-1',
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    });
  });
});
