import type { InstanceRow, SecurityGroupRules } from '../../aws/ec2/types.js';
import type { SessionServices } from '../../session/session.js';
import {
  ageColumn,
  formatTime,
  instanceStateTone,
  tagRows,
  TRANSITIONAL_INSTANCE_STATES,
} from './ec2-format.js';
import type { DetailSection } from '../../lib/view-types.js';
import type { TablePaneSpec } from '../../table/table-spec.js';

export const instancesSpec: TablePaneSpec<
  InstanceRow,
  Pick<SessionServices, 'instances'>
> = {
  name: 'instances',
  columns: [
    {
      id: 'name',
      title: 'NAME',
      value: (row) => row.name,
      min: 8,
      grow: 1,
      growMax: 32,
    },
    { id: 'id', title: 'ID', value: (row) => row.id, min: 19 },
    {
      id: 'state',
      title: 'STATE',
      value: (row) => row.state,
      tone: (row) => instanceStateTone(row.state),
      min: 7,
    },
    {
      id: 'type',
      title: 'TYPE',
      value: (row) => row.type,
      min: 8,
      priority: 3,
    },
    { id: 'az', title: 'AZ', value: (row) => row.az, min: 10, priority: 6 },
    {
      id: 'public',
      title: 'PUBLIC IP',
      value: (row) => row.publicIp,
      min: 7,
      priority: 2,
    },
    {
      id: 'private',
      title: 'PRIVATE IP',
      value: (row) => row.privateIp,
      min: 7,
      priority: 5,
    },
    {
      id: 'key',
      title: 'KEY',
      value: (row) => row.keyName,
      min: 5,
      priority: 8,
    },
    ageColumn('launched', (row) => row.launchTime, 4),
    {
      id: 'groups',
      title: 'SECURITY GROUPS',
      value: (row) =>
        row.securityGroups.map((group) => group.name || group.id).join(','),
      min: 6,
      grow: 1,
      growMax: 40,
      priority: 9,
    },
    {
      id: 'dns',
      title: 'PUBLIC DNS',
      value: (row) => row.publicDns,
      min: 10,
      grow: 1,
      growMax: 60,
      priority: 10,
    },
  ],
  rowId: (row) => row.id,
  tags: (row) => row.tags,
  transitional: (row) => TRANSITIONAL_INSTANCE_STATES.has(row.state),
  describe: (row) => describeInstance(row),
  load: (services, cursor, signal) => services.instances.list(cursor, signal),
};

/** Every field of an instance; security-group rules when they have been looked up. */
export function describeInstance(
  row: InstanceRow,
  rules?: readonly SecurityGroupRules[],
): DetailSection[] {
  const sections: DetailSection[] = [
    {
      title: `${row.name || row.id} (${row.id})`,
      rows: [
        [
          'State',
          row.stateReason ? `${row.state} (${row.stateReason})` : row.state,
        ],
        ['Type', row.type],
        ['AMI', row.imageId],
        ['Platform', row.platform],
        ['Architecture', row.architecture],
        ['Launched', formatTime(row.launchTime)],
        ['Key pair', row.keyName || '(none)'],
        ['IAM profile', row.iamProfile || '(none)'],
        ['Root device', row.rootDevice],
      ],
    },
    {
      title: 'Network',
      rows: [
        ['Zone', `${row.az} (${row.region})`],
        ['VPC / subnet', `${row.vpcId} / ${row.subnetId}`],
        ['Public IP', row.publicIp || '(none)'],
        ['Public DNS', row.publicDns || '(none)'],
        ['Private IP', row.privateIp],
        [
          'Security groups',
          row.securityGroups
            .map((group) => `${group.name} (${group.id})`)
            .join(', ') || '(none)',
        ],
      ],
    },
    {
      title: 'Block devices',
      rows:
        row.blockDevices.length > 0
          ? row.blockDevices.map(
              (device) =>
                [
                  device.device,
                  `${device.volumeId} ${device.status}${device.deleteOnTermination ? ', deleted on termination' : ''}`,
                ] as const,
            )
          : [['(none)', '']],
    },
    {
      title: 'Network interfaces',
      rows:
        row.networkInterfaces.length > 0
          ? row.networkInterfaces.map(
              (eni) =>
                [
                  eni.id,
                  [
                    eni.privateIp,
                    eni.publicIp && `public ${eni.publicIp}`,
                    eni.subnetId,
                    eni.description,
                  ]
                    .filter(Boolean)
                    .join(', '),
                ] as const,
            )
          : [['(none)', '']],
    },
    { title: 'Tags', rows: tagRows(row.tags) },
  ];
  for (const group of rules ?? []) {
    sections.push({
      title: `Security group ${group.name} (${group.id})`,
      rows: [
        ...group.inbound.map((rule) => ['in', rule] as const),
        ...group.outbound.map((rule) => ['out', rule] as const),
      ],
    });
  }
  return sections;
}
