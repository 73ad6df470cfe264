import type { SecurityGroup } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import {
  formatRule,
  toSecurityGroupRules,
} from '../../../source/aws/ec2/rows.js';

describe('security group rules', () => {
  const group: SecurityGroup = {
    GroupId: 'sg-0web',
    GroupName: 'web',
    Description: 'web servers',
    IpPermissions: [
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '10.0.0.0/8' }],
      },
      { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0abc' }] },
      {
        IpProtocol: 'udp',
        FromPort: 53,
        ToPort: 54,
        Ipv6Ranges: [{ CidrIpv6: '::/0' }],
      },
      {
        IpProtocol: 'icmp',
        FromPort: -1,
        ToPort: -1,
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
      },
    ],
    IpPermissionsEgress: [
      { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ],
  };

  it('writes one line per rule and source', () => {
    const rules = toSecurityGroupRules(group, new Map([['sg-0abc', 'web']]));
    expect(rules).toEqual({
      id: 'sg-0web',
      name: 'web',
      description: 'web servers',
      inbound: [
        'tcp 443 from 0.0.0.0/0',
        'tcp 22 from 10.0.0.0/8',
        'all from sg-0abc (web)',
        'udp 53-54 from ::/0',
        'icmp from 0.0.0.0/0',
      ],
      outbound: ['all to 0.0.0.0/0'],
    });
  });

  it('handles numeric protocols, ICMP types, prefix lists and several sources', () => {
    expect(
      formatRule(
        {
          IpProtocol: '6',
          FromPort: 80,
          ToPort: 80,
          IpRanges: [{ CidrIp: '1.1.1.1/32' }, { CidrIp: '2.2.2.2/32' }],
        },
        'from',
      ),
    ).toEqual(['tcp 80 from 1.1.1.1/32', 'tcp 80 from 2.2.2.2/32']);
    expect(
      formatRule(
        {
          IpProtocol: 'icmp',
          FromPort: 8,
          ToPort: -1,
          PrefixListIds: [{ PrefixListId: 'pl-1' }],
        },
        'from',
      ),
    ).toEqual(['icmp type 8 from pl-1']);
    expect(
      formatRule(
        { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-9' }] },
        'to',
      ),
    ).toEqual(['all to sg-9']);
    expect(
      formatRule(
        { IpProtocol: '50', IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
        'from',
      ),
    ).toEqual(['50 from 10.0.0.0/8']);
  });
});
