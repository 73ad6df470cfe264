/**
 * Pure mappers from SDK shapes to the domain rows of types.ts. Missing
 * fields become '' (or undefined for numbers and dates) so panes never
 * see SDK types or have to guard against absent values.
 */
import type {
  Address,
  Instance,
  IpPermission,
  SecurityGroup,
  Snapshot,
  Tag,
  Volume,
} from '@aws-sdk/client-ec2';
import type {
  AddressRow,
  InstanceRow,
  SecurityGroupRef,
  SecurityGroupRules,
  SnapshotRow,
  Tags,
  VolumeRow,
} from './types.js';

export function tagsToRecord(tags: readonly Tag[] | undefined): Tags {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  }
  return record;
}

export function nameTag(tags: Tags): string {
  return tags['Name'] ?? '';
}

/** "45%" -> 45; anything unreadable -> 0. */
export function parseProgress(progress: string | undefined): number {
  const value = Number.parseFloat(progress ?? '');
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** The profile name of an instance-profile ARN (…:instance-profile/path/name). */
function profileName(arn: string | undefined): string {
  return arn?.split('/').pop() ?? '';
}

/** Groups of the instance, or of its interfaces when EC2 lists them there only. */
function instanceGroups(instance: Instance): SecurityGroupRef[] {
  const seen = new Map<string, string>();
  const groups = [
    ...(instance.SecurityGroups ?? []),
    ...(instance.NetworkInterfaces ?? []).flatMap((eni) => eni.Groups ?? []),
  ];
  for (const group of groups) {
    if (group.GroupId !== undefined && !seen.has(group.GroupId))
      seen.set(group.GroupId, group.GroupName ?? '');
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

export function toInstanceRow(instance: Instance, region: string): InstanceRow {
  const tags = tagsToRecord(instance.Tags);
  return {
    id: instance.InstanceId ?? '',
    name: nameTag(tags),
    state: instance.State?.Name ?? 'unknown',
    stateReason:
      instance.StateReason?.Message || instance.StateTransitionReason || '',
    type: instance.InstanceType ?? '',
    az: instance.Placement?.AvailabilityZone ?? '',
    region,
    publicIp: instance.PublicIpAddress ?? '',
    publicDns: instance.PublicDnsName ?? '',
    privateIp: instance.PrivateIpAddress ?? '',
    keyName: instance.KeyName ?? '',
    launchTime: instance.LaunchTime,
    imageId: instance.ImageId ?? '',
    platform: instance.PlatformDetails ?? instance.Platform ?? '',
    architecture: instance.Architecture ?? '',
    vpcId: instance.VpcId ?? '',
    subnetId: instance.SubnetId ?? '',
    rootDevice: instance.RootDeviceName ?? '',
    iamProfile: profileName(instance.IamInstanceProfile?.Arn),
    securityGroups: instanceGroups(instance),
    blockDevices: (instance.BlockDeviceMappings ?? []).map((mapping) => ({
      device: mapping.DeviceName ?? '',
      volumeId: mapping.Ebs?.VolumeId ?? '',
      status: mapping.Ebs?.Status ?? '',
      deleteOnTermination: mapping.Ebs?.DeleteOnTermination ?? false,
    })),
    networkInterfaces: (instance.NetworkInterfaces ?? []).map((eni) => ({
      id: eni.NetworkInterfaceId ?? '',
      privateIp: eni.PrivateIpAddress ?? '',
      publicIp: eni.Association?.PublicIp ?? '',
      subnetId: eni.SubnetId ?? '',
      description: eni.Description ?? '',
    })),
    tags,
  };
}

export function toAddressRow(
  address: Address,
  region: string,
  instance: { readonly name: string; readonly state: string } | undefined,
): AddressRow {
  return {
    allocationId: address.AllocationId ?? '',
    publicIp: address.PublicIp ?? '',
    associationId: address.AssociationId ?? '',
    instanceId: address.InstanceId ?? '',
    instanceName: instance?.name ?? '',
    instanceState: instance?.state ?? '',
    privateIp: address.PrivateIpAddress ?? '',
    networkInterfaceId: address.NetworkInterfaceId ?? '',
    region,
    tags: tagsToRecord(address.Tags),
  };
}

export function toVolumeRow(volume: Volume, region: string): VolumeRow {
  const tags = tagsToRecord(volume.Tags);
  return {
    id: volume.VolumeId ?? '',
    name: nameTag(tags),
    size: volume.Size ?? 0,
    type: volume.VolumeType ?? '',
    iops: volume.Iops,
    throughput: volume.Throughput,
    state: volume.State ?? 'unknown',
    az: volume.AvailabilityZone ?? '',
    region,
    attachments: (volume.Attachments ?? []).map((attachment) => ({
      instanceId: attachment.InstanceId ?? '',
      device: attachment.Device ?? '',
      state: attachment.State ?? '',
      deleteOnTermination: attachment.DeleteOnTermination ?? false,
    })),
    encrypted: volume.Encrypted ?? false,
    kmsKeyId: volume.KmsKeyId ?? '',
    snapshotId: volume.SnapshotId ?? '',
    created: volume.CreateTime,
    tags,
  };
}

export function toSnapshotRow(snapshot: Snapshot, region: string): SnapshotRow {
  const tags = tagsToRecord(snapshot.Tags);
  return {
    id: snapshot.SnapshotId ?? '',
    name: nameTag(tags),
    volumeId: snapshot.VolumeId ?? '',
    size: snapshot.VolumeSize ?? 0,
    state: snapshot.State ?? 'unknown',
    progress: parseProgress(snapshot.Progress),
    started: snapshot.StartTime,
    description: snapshot.Description ?? '',
    encrypted: snapshot.Encrypted ?? false,
    region,
    tags,
  };
}

const PROTOCOLS: Readonly<Record<string, string>> = {
  '-1': 'all',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '58': 'icmpv6',
};

/** "tcp 443", "udp 53-54", "icmp type 8", "all". */
function ruleService(permission: IpPermission): string {
  const protocol = permission.IpProtocol ?? '-1';
  const name = PROTOCOLS[protocol] ?? protocol;
  const from = permission.FromPort;
  const to = permission.ToPort;
  if (name === 'all') return 'all';
  if (name === 'icmp' || name === 'icmpv6') {
    if (from === undefined || from === -1) return name;
    return to === undefined || to === -1
      ? `${name} type ${from}`
      : `${name} type ${from} code ${to}`;
  }
  if (from === undefined || from === -1) return name;
  return from === to || to === undefined
    ? `${name} ${from}`
    : `${name} ${from}-${to}`;
}

/** One line per source: "tcp 22 from 10.0.0.0/8", "all from sg-0abc (web)". */
export function formatRule(
  permission: IpPermission,
  direction: 'from' | 'to',
  groupNames: ReadonlyMap<string, string> = new Map(),
): string[] {
  const service = ruleService(permission);
  const peers = [
    ...(permission.IpRanges ?? []).map((range) => range.CidrIp ?? ''),
    ...(permission.Ipv6Ranges ?? []).map((range) => range.CidrIpv6 ?? ''),
    ...(permission.PrefixListIds ?? []).map((list) => list.PrefixListId ?? ''),
    ...(permission.UserIdGroupPairs ?? []).map((pair) => {
      const id = pair.GroupId ?? '';
      const name = pair.GroupName ?? groupNames.get(id) ?? '';
      return name === '' ? id : `${id} (${name})`;
    }),
  ].filter((peer) => peer !== '');
  return peers.map((peer) => `${service} ${direction} ${peer}`);
}

export function toSecurityGroupRules(
  group: SecurityGroup,
  groupNames: ReadonlyMap<string, string> = new Map(),
): SecurityGroupRules {
  return {
    id: group.GroupId ?? '',
    name: group.GroupName ?? '',
    description: group.Description ?? '',
    inbound: (group.IpPermissions ?? []).flatMap((permission) =>
      formatRule(permission, 'from', groupNames),
    ),
    outbound: (group.IpPermissionsEgress ?? []).flatMap((permission) =>
      formatRule(permission, 'to', groupNames),
    ),
  };
}
