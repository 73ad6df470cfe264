import type { Instance } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { tagsToRecord, toInstanceRow } from '../../../source/aws/ec2/rows.js';

const launched = new Date('2024-05-01T10:00:00Z');

const instance: Instance = {
  InstanceId: 'i-0123456789abcdef0',
  InstanceType: 't3.small',
  State: { Name: 'stopped', Code: 80 },
  StateReason: {
    Code: 'Client.UserInitiatedShutdown',
    Message: 'User initiated shutdown',
  },
  StateTransitionReason: 'User initiated (2024-05-02 10:00:00 GMT)',
  Placement: { AvailabilityZone: 'us-east-1b' },
  PrivateIpAddress: '10.0.1.5',
  KeyName: 'ops-key',
  LaunchTime: launched,
  ImageId: 'ami-1e749f67',
  PlatformDetails: 'Linux/UNIX',
  Architecture: 'x86_64',
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  RootDeviceName: '/dev/xvda',
  IamInstanceProfile: {
    Arn: 'arn:aws:iam::123456789012:instance-profile/ops/web-role',
  },
  Tags: [
    { Key: 'Name', Value: 'web-1' },
    { Key: 'env', Value: 'prod' },
  ],
  BlockDeviceMappings: [
    {
      DeviceName: '/dev/xvda',
      Ebs: { VolumeId: 'vol-1', Status: 'attached', DeleteOnTermination: true },
    },
  ],
  NetworkInterfaces: [
    {
      NetworkInterfaceId: 'eni-1',
      PrivateIpAddress: '10.0.1.5',
      Association: { PublicIp: '54.1.2.3' },
      SubnetId: 'subnet-1',
      Description: 'Primary network interface',
      Groups: [{ GroupId: 'sg-1', GroupName: 'web' }],
    },
  ],
};

describe('instance rows', () => {
  it('maps every field, the Name tag and tags as a record', () => {
    const row = toInstanceRow(instance, 'us-east-1');
    expect(row).toMatchObject({
      id: 'i-0123456789abcdef0',
      name: 'web-1',
      state: 'stopped',
      stateReason: 'User initiated shutdown',
      type: 't3.small',
      az: 'us-east-1b',
      region: 'us-east-1',
      publicIp: '',
      privateIp: '10.0.1.5',
      keyName: 'ops-key',
      launchTime: launched,
      platform: 'Linux/UNIX',
      rootDevice: '/dev/xvda',
      iamProfile: 'web-role',
      tags: { Name: 'web-1', env: 'prod' },
    });
    expect(row.blockDevices).toEqual([
      {
        device: '/dev/xvda',
        volumeId: 'vol-1',
        status: 'attached',
        deleteOnTermination: true,
      },
    ]);
    expect(row.networkInterfaces).toEqual([
      {
        id: 'eni-1',
        privateIp: '10.0.1.5',
        publicIp: '54.1.2.3',
        subnetId: 'subnet-1',
        description: 'Primary network interface',
      },
    ]);
  });

  it('takes the groups from the interfaces when the instance lists none', () => {
    expect(toInstanceRow(instance, 'us-east-1').securityGroups).toEqual([
      { id: 'sg-1', name: 'web' },
    ]);
  });

  it('fills gaps with empty values rather than undefined', () => {
    const row = toInstanceRow(
      { StateTransitionReason: 'Server.SpotInstanceTermination' },
      'eu-west-1',
    );
    expect(row).toMatchObject({
      id: '',
      name: '',
      state: 'unknown',
      stateReason: 'Server.SpotInstanceTermination',
      platform: '',
      iamProfile: '',
      tags: {},
      blockDevices: [],
    });
  });
});

describe('tags', () => {
  it('turns the tag list into a record, keeping empty values', () => {
    expect(
      tagsToRecord([
        { Key: 'a', Value: '1' },
        { Key: 'b' },
        { Value: 'orphan' },
      ]),
    ).toEqual({ a: '1', b: '' });
    expect(tagsToRecord(undefined)).toEqual({});
  });
});
