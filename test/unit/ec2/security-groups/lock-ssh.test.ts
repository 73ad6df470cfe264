import { describe, expect, it } from 'vitest';
import { planLockSsh } from '../../../../source/aws/ec2/security-groups/lock-ssh.js';
import {
  hostCidr,
  sessionAddress,
} from '../../../../source/aws/ec2/security-groups/my-address.js';
import {
  peerText,
  portsText,
} from '../../../../source/aws/ec2/security-groups/rules.js';
import type { RuleSpec } from '../../../../source/aws/ec2/security-groups/types.js';

const rule = (
  protocol: string,
  fromPort: number,
  toPort: number,
  cidr: string,
): RuleSpec => ({
  direction: 'in',
  protocol,
  fromPort,
  toPort,
  peer: { kind: 'cidr', cidr },
  description: '',
});

const lines = (rules: readonly RuleSpec[]) =>
  rules.map((one) => `${one.protocol} ${portsText(one)} ${peerText(one.peer)}`);

const group = (inbound: RuleSpec[]) => ({
  id: 'sg-0123abcd',
  name: 'web',
  inbound,
});

describe('the lock-SSH plan', () => {
  it('replaces SSH from the world with the chosen addresses, adds listed first', () => {
    const plan = planLockSsh(
      group([
        rule('tcp', 22, 22, '0.0.0.0/0'),
        rule('tcp', 22, 22, '::/0'),
        rule('tcp', 443, 443, '0.0.0.0/0'),
      ]),
      [
        { cidr: '198.51.100.7/32', label: 'your SSH session' },
        { cidr: '203.0.113.0/28', label: 'spare' },
      ],
    );
    expect(lines(plan.add)).toEqual([
      'tcp 22 198.51.100.7/32',
      'tcp 22 203.0.113.0/28',
    ]);
    expect(plan.add[0]?.description).toBe('ssh: your SSH session');
    expect(lines(plan.remove)).toEqual(['tcp 22 0.0.0.0/0', 'tcp 22 ::/0']);
    expect(plan.warnings).toEqual([]);
  });

  it('keeps the other ports of a wider world rule open', () => {
    const plan = planLockSsh(
      group([rule('tcp', 0, 65535, '0.0.0.0/0'), rule('all', -1, -1, '::/0')]),
      [{ cidr: '198.51.100.7/32', label: 'spare' }],
    );
    expect(lines(plan.remove)).toEqual(['tcp all 0.0.0.0/0', 'all all ::/0']);
    expect(lines(plan.add)).toEqual([
      'tcp 22 198.51.100.7/32',
      'tcp 0-21 0.0.0.0/0',
      'tcp 23-65535 0.0.0.0/0',
      'tcp 0-21 ::/0',
      'tcp 23-65535 ::/0',
      'udp all ::/0',
      'icmpv6 all ::/0',
    ]);
    expect(plan.warnings.join(' ')).toMatch(/other IP protocols close/);
  });

  it('leaves what exists alone and says when nothing lets SSH in from anywhere', () => {
    const plan = planLockSsh(
      group([
        rule('tcp', 22, 22, '198.51.100.7/32'),
        rule('tcp', 22, 22, '10.0.0.0/8'),
      ]),
      [
        { cidr: '198.51.100.7/32', label: 'your SSH session' },
        { cidr: '198.51.100.7/32', label: 'this host' },
      ],
    );
    expect(plan.add).toEqual([]);
    expect(plan.remove).toEqual([]);
    expect(lines(plan.kept)).toEqual(['tcp 22 198.51.100.7/32']);
    expect(plan.warnings).toEqual(['web does not let SSH in from anywhere']);
  });

  it('warns when no address is chosen', () => {
    const plan = planLockSsh(group([rule('tcp', 22, 22, '0.0.0.0/0')]), []);
    expect(plan.add).toEqual([]);
    expect(plan.warnings[0]).toMatch(/SSH would be closed to everyone/);
  });
});

describe("the operator's addresses", () => {
  it('reads the SSH session address from SSH_CLIENT, else SSH_CONNECTION', () => {
    expect(sessionAddress({ SSH_CLIENT: '198.51.100.7 51234 22' })).toBe(
      '198.51.100.7/32',
    );
    expect(
      sessionAddress({ SSH_CONNECTION: '2001:db8::5 51234 2001:db8::1 22' }),
    ).toBe('2001:db8::5/128');
    expect(sessionAddress({ SSH_CLIENT: '::ffff:198.51.100.7 1 22' })).toBe(
      '198.51.100.7/32',
    );
    expect(sessionAddress({ SSH_CLIENT: 'garbage' })).toBeUndefined();
    expect(sessionAddress({})).toBeUndefined();
  });
  it('turns an address into a one-host block', () => {
    expect(hostCidr('203.0.113.9\n')).toBe('203.0.113.9/32');
    expect(hostCidr('<html>')).toBeUndefined();
  });
});
