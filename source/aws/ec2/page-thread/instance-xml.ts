/**
 * A DescribeInstances answer, as parsed by the SDK's own XML parser, read
 * into the SDK's Instance shape: only the fields toInstanceRow reads, with
 * the same types the SDK gives them (strings, booleans, dates), so the rows
 * are the ones the SDK path makes. EC2's query protocol names elements in
 * lowerCamelCase and wraps lists in <item>.
 */
import type {
  ArchitectureValues,
  AttachmentStatus,
  Instance,
  InstanceStateName,
  PlatformValues,
  _InstanceType,
} from '@aws-sdk/client-ec2';

type XmlNode = Record<string, unknown>;

const node = (value: unknown): XmlNode =>
  value !== null && typeof value === 'object' ? (value as XmlNode) : {};

/** The text of a leaf, or undefined when the element is absent. */
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** `<set><item/>...</set>`: one item parses as an object, several as an array, none as ''. */
function items(value: unknown): XmlNode[] {
  const inner = node(value)['item'];
  if (inner === undefined) return [];
  return (Array.isArray(inner) ? inner : [inner]).map(node);
}

const flag = (value: unknown): boolean | undefined => {
  const raw = text(value);
  return raw === undefined ? undefined : raw === 'true';
};

const date = (value: unknown): Date | undefined => {
  const raw = text(value);
  return raw === undefined ? undefined : new Date(raw);
};

const groups = (value: unknown) =>
  items(value).map((group) => ({
    GroupId: text(group['groupId']),
    GroupName: text(group['groupName']),
  }));

function xmlToInstance(xml: XmlNode): Instance {
  const state = node(xml['instanceState']);
  const reason = node(xml['stateReason']);
  return {
    InstanceId: text(xml['instanceId']),
    State: { Name: text(state['name']) as InstanceStateName | undefined },
    StateReason: { Message: text(reason['message']) },
    StateTransitionReason: text(xml['reason']),
    InstanceType: text(xml['instanceType']) as _InstanceType | undefined,
    Placement: {
      AvailabilityZone: text(node(xml['placement'])['availabilityZone']),
    },
    PublicIpAddress: text(xml['ipAddress']),
    PublicDnsName: text(xml['dnsName']),
    PrivateIpAddress: text(xml['privateIpAddress']),
    KeyName: text(xml['keyName']),
    LaunchTime: date(xml['launchTime']),
    ImageId: text(xml['imageId']),
    PlatformDetails: text(xml['platformDetails']),
    Platform: text(xml['platform']) as PlatformValues | undefined,
    Architecture: text(xml['architecture']) as ArchitectureValues | undefined,
    VpcId: text(xml['vpcId']),
    SubnetId: text(xml['subnetId']),
    RootDeviceName: text(xml['rootDeviceName']),
    IamInstanceProfile: { Arn: text(node(xml['iamInstanceProfile'])['arn']) },
    SecurityGroups: groups(xml['groupSet']),
    BlockDeviceMappings: items(xml['blockDeviceMapping']).map((mapping) => {
      const ebs = node(mapping['ebs']);
      return {
        DeviceName: text(mapping['deviceName']),
        Ebs: {
          VolumeId: text(ebs['volumeId']),
          Status: text(ebs['status']) as AttachmentStatus | undefined,
          DeleteOnTermination: flag(ebs['deleteOnTermination']),
        },
      };
    }),
    NetworkInterfaces: items(xml['networkInterfaceSet']).map((eni) => ({
      NetworkInterfaceId: text(eni['networkInterfaceId']),
      PrivateIpAddress: text(eni['privateIpAddress']),
      Association: { PublicIp: text(node(eni['association'])['publicIp']) },
      SubnetId: text(eni['subnetId']),
      Description: text(eni['description']),
      Groups: groups(eni['groupSet']),
    })),
    Tags: items(xml['tagSet']).map((tag) => ({
      Key: text(tag['key']),
      Value: text(tag['value']),
    })),
  };
}

/** The instances of a parsed page and its next token; undefined if it is not one. */
export function instancesOfPage(
  parsed: XmlNode,
): { instances: Instance[]; next: string | undefined } | undefined {
  if (!('DescribeInstancesResponse' in parsed)) return undefined;
  const answer = node(parsed['DescribeInstancesResponse']);
  const instances = items(answer['reservationSet']).flatMap((reservation) =>
    items(reservation['instancesSet']).map(xmlToInstance),
  );
  return { instances, next: text(answer['nextToken']) };
}
