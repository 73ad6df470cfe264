import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../../../source/aws/ec2/security-groups/cidr.js';
import { checkRule } from '../../../../source/aws/ec2/security-groups/check-rule.js';
import {
  checkDescription,
  checkGroupName,
  parsePeer,
  parsePorts,
} from '../../../../source/aws/ec2/security-groups/rule-input.js';
import type { RuleSpec } from '../../../../source/aws/ec2/security-groups/types.js';
import { describeError } from '../../../../source/lib/errors.js';

const message = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return describeError(error);
  }
  throw new Error('expected a refusal');
};

describe('CIDR blocks', () => {
  it('takes IPv4 and IPv6 blocks, and a bare address as one host', () => {
    expect(parseCidr('10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(parseCidr(' 203.0.113.7 ')).toBe('203.0.113.7/32');
    expect(parseCidr('0.0.0.0/0')).toBe('0.0.0.0/0');
    expect(parseCidr('2001:db8::/32')).toBe('2001:db8::/32');
    expect(parseCidr('2001:db8::1')).toBe('2001:db8::1/128');
    expect(parseCidr('::/0')).toBe('::/0');
  });

  it('refuses host bits, naming the block it probably means', () => {
    expect(message(() => parseCidr('10.0.0.1/8'))).toBe(
      'source: 10.0.0.1/8 has host bits set (did you mean 10.0.0.0/8, or 10.0.0.1/32 for one host?)',
    );
    expect(message(() => parseCidr('2001:db8::1/32', 'spare'))).toMatch(
      /^spare: 2001:db8::1\/32 has host bits set \(did you mean 2001:db8::\/32/,
    );
  });

  it('refuses what is not a block, naming the field', () => {
    expect(message(() => parseCidr('10.0.0.256/32'))).toMatch(
      /^source: "10.0.0.256" is not an IPv4 or IPv6 address/,
    );
    expect(message(() => parseCidr('10.0.0.0/33', 'to'))).toMatch(
      /^to: \/33 is longer than 32 bits/,
    );
    expect(message(() => parseCidr('::/129'))).toMatch(/longer than 128 bits/);
    expect(message(() => parseCidr('10.0.0.0/8/1'))).toMatch(
      /is not a CIDR block/,
    );
    expect(message(() => parseCidr('10.0.0.0/x'))).toMatch(
      /"\/x" is not a prefix length/,
    );
  });
});

describe('ports and services', () => {
  it('reads a port, a range, a named service and all', () => {
    expect(parsePorts('22')).toEqual({
      protocol: 'tcp',
      fromPort: 22,
      toPort: 22,
    });
    expect(parsePorts('8000-8100', 'udp')).toEqual({
      protocol: 'udp',
      fromPort: 8000,
      toPort: 8100,
    });
    expect(parsePorts('MySQL')).toEqual({
      protocol: 'tcp',
      fromPort: 3306,
      toPort: 3306,
    });
    expect(parsePorts('dns')).toEqual({
      protocol: 'udp',
      fromPort: 53,
      toPort: 53,
    });
    expect(parsePorts('rdp').fromPort).toBe(3389);
    expect(parsePorts('all')).toEqual({
      protocol: 'tcp',
      fromPort: 0,
      toPort: 65535,
    });
    expect(parsePorts('', 'all')).toEqual({
      protocol: 'all',
      fromPort: -1,
      toPort: -1,
    });
  });

  it('refuses ports out of range, backwards ranges and unknown names', () => {
    expect(message(() => parsePorts('65536'))).toMatch(
      /^ports: 65536 is over 65535/,
    );
    expect(message(() => parsePorts('100-20'))).toBe(
      'ports: 100-20 runs backwards (write 20-100)',
    );
    expect(message(() => parsePorts('smtpx'))).toMatch(
      /^ports: "smtpx" is not a port, a range or a known service/,
    );
    expect(message(() => parsePorts(''))).toMatch(/^ports: required/);
    expect(message(() => parsePorts('22', 'gre'))).toMatch(/^protocol: "gre"/);
  });

  it('reads ICMP type and code, and refuses them above 255', () => {
    expect(parsePorts('8', 'icmp')).toEqual({
      protocol: 'icmp',
      fromPort: 8,
      toPort: -1,
    });
    expect(parsePorts('3/4', 'icmp')).toEqual({
      protocol: 'icmp',
      fromPort: 3,
      toPort: 4,
    });
    expect(parsePorts('all', 'icmpv6')).toEqual({
      protocol: 'icmpv6',
      fromPort: -1,
      toPort: -1,
    });
    expect(message(() => parsePorts('300', 'icmp'))).toMatch(
      /^ports: "300" is not an ICMP type or type\/code/,
    );
    expect(message(() => parsePorts('3/999', 'icmp'))).toMatch(/^ports:/);
  });
});

describe('sources', () => {
  const byName = (name: string) =>
    name === 'web' ? 'sg-0123456789abcdef0' : undefined;
  it('tells CIDRs, groups by ID or name, and prefix lists apart', () => {
    expect(parsePeer('198.51.100.0/24')).toEqual({
      kind: 'cidr',
      cidr: '198.51.100.0/24',
    });
    expect(parsePeer('sg-0123abcd')).toEqual({
      kind: 'group',
      groupId: 'sg-0123abcd',
      groupName: '',
    });
    expect(parsePeer('web', byName)).toEqual({
      kind: 'group',
      groupId: 'sg-0123456789abcdef0',
      groupName: 'web',
    });
    expect(parsePeer('pl-0123abcd')).toEqual({
      kind: 'prefix-list',
      prefixListId: 'pl-0123abcd',
    });
  });
  it('names the field when the source is nothing it knows', () => {
    expect(message(() => parsePeer('db', byName, 'destination'))).toMatch(
      /^destination: "db" is not a CIDR, a prefix list or a group/,
    );
    expect(message(() => parsePeer(''))).toMatch(/^source: required/);
  });
});

describe('names and descriptions', () => {
  it('refuses what EC2 would refuse, naming the field', () => {
    expect(checkDescription('office line, 2nd ISP')).toBe(
      'office line, 2nd ISP',
    );
    expect(message(() => checkDescription('naïve'))).toMatch(
      /^description: only letters/,
    );
    expect(message(() => checkDescription('x'.repeat(256)))).toMatch(
      /^description: 256 characters/,
    );
    expect(message(() => checkGroupName('sg-web'))).toMatch(
      /^name: a group name cannot start with sg-/,
    );
    expect(message(() => checkGroupName(' '))).toBe('name: required');
  });
});

describe('a whole rule', () => {
  const rule: RuleSpec = {
    direction: 'in',
    protocol: 'tcp',
    fromPort: 22,
    toPort: 22,
    peer: { kind: 'cidr', cidr: '203.0.113.7/32' },
    description: '',
  };
  it('passes a good rule and refuses each bad part by its field', () => {
    expect(() => checkRule(rule)).not.toThrow();
    expect(message(() => checkRule({ ...rule, toPort: 70000 }))).toMatch(
      /^ports: 70000 is not a port/,
    );
    expect(
      message(() => checkRule({ ...rule, fromPort: 30, toPort: 20 })),
    ).toMatch(/^ports: 30-20 runs backwards/);
    expect(
      message(() => checkRule({ ...rule, protocol: 'icmp', fromPort: 256 })),
    ).toMatch(/^ports: ICMP type 256/);
    expect(message(() => checkRule({ ...rule, protocol: 'esp' }))).toMatch(
      /^protocol:/,
    );
    expect(
      message(() =>
        checkRule({ ...rule, peer: { kind: 'cidr', cidr: '10.1.0.0/8' } }),
      ),
    ).toMatch(/^source: 10.1.0.0\/8 has host bits set/);
    expect(
      message(() =>
        checkRule({ ...rule, peer: { kind: 'cidr', cidr: '10.1.2.3' } }),
      ),
    ).toMatch(/did you mean 10.1.2.3\/32/);
  });
});
