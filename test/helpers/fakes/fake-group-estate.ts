/** A small estate of security groups with every flag, for the pane tests. */
import type { GroupInstance } from '../../../source/aws/ec2/security-groups/types.js';
import {
  createFakeSecurityGroups,
  rule,
  type FakeSecurityGroups,
} from './fake-security-groups.js';

const web1: GroupInstance = {
  id: 'i-0aaa0000000000001',
  name: 'web-1',
  state: 'running',
  groupIds: ['sg-0000bast'],
};
const db1: GroupInstance = {
  id: 'i-0aaa0000000000002',
  name: 'db-1',
  state: 'running',
  groupIds: ['sg-00000db0'],
};

export function fakeGroupEstate(): FakeSecurityGroups {
  const egress = rule('out', 'all', -1, -1, '0.0.0.0/0');
  return createFakeSecurityGroups([
    {
      id: 'sg-0000bast',
      name: 'bastion',
      description: 'ssh jump host',
      inbound: [
        rule('in', 'tcp', 22, 22, '0.0.0.0/0'),
        rule('in', 'tcp', 443, 443, '0.0.0.0/0'),
      ],
      outbound: [egress],
      instances: [web1],
    },
    {
      id: 'sg-00000db0',
      name: 'db-open',
      description: 'mysql',
      inbound: [
        rule('in', 'tcp', 3306, 3306, '0.0.0.0/0'),
        rule('in', 'tcp', 22, 22, '10.0.0.0/8', 'vpn'),
      ],
      outbound: [egress],
      instances: [db1],
    },
    {
      id: 'sg-0000aaaa',
      name: 'legacy-unused',
      description: 'old',
      inbound: [rule('in', 'tcp', 80, 80, '10.0.0.0/8')],
      outbound: [],
      instances: [],
    },
    {
      id: 'sg-0000bbbb',
      name: 'stale-ref',
      description: 'names a deleted group',
      inbound: [
        {
          direction: 'in',
          protocol: 'tcp',
          fromPort: 8080,
          toPort: 8080,
          peer: { kind: 'group', groupId: 'sg-0dead000', groupName: '' },
          description: '',
        },
      ],
      outbound: [],
      instances: [],
    },
  ]);
}
