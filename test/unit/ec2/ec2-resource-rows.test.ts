import { describe, expect, it } from 'vitest';
import {
  parseProgress,
  toAddressRow,
  toSnapshotRow,
  toVolumeRow,
} from '../../../source/aws/ec2/rows.js';

describe('address, volume and snapshot rows', () => {
  it('maps an address with its instance', () => {
    const row = toAddressRow(
      {
        AllocationId: 'eipalloc-1',
        PublicIp: '127.0.0.9',
        AssociationId: 'eipassoc-1',
        InstanceId: 'i-1',
        PrivateIpAddress: '10.0.0.4',
        NetworkInterfaceId: 'eni-1',
        Tags: [{ Key: 'Name', Value: 'web-eip' }],
      },
      'us-east-1',
      { name: 'web-1', state: 'stopped' },
    );
    expect(row).toEqual({
      allocationId: 'eipalloc-1',
      publicIp: '127.0.0.9',
      associationId: 'eipassoc-1',
      instanceId: 'i-1',
      instanceName: 'web-1',
      instanceState: 'stopped',
      privateIp: '10.0.0.4',
      networkInterfaceId: 'eni-1',
      region: 'us-east-1',
      tags: { Name: 'web-eip' },
    });
    expect(
      toAddressRow({ AllocationId: 'eipalloc-2' }, 'us-east-1', undefined),
    ).toMatchObject({ instanceId: '', instanceName: '', instanceState: '' });
  });

  it('maps a volume with its attachments', () => {
    const row = toVolumeRow(
      {
        VolumeId: 'vol-1',
        Size: 100,
        VolumeType: 'gp3',
        Iops: 3000,
        Throughput: 125,
        State: 'in-use',
        AvailabilityZone: 'us-east-1a',
        Encrypted: true,
        KmsKeyId: 'arn:aws:kms:key',
        SnapshotId: 'snap-1',
        Attachments: [
          {
            InstanceId: 'i-1',
            Device: '/dev/sdf',
            State: 'attached',
            DeleteOnTermination: false,
          },
        ],
        Tags: [{ Key: 'Name', Value: 'data' }],
      },
      'us-east-1',
    );
    expect(row).toMatchObject({
      id: 'vol-1',
      name: 'data',
      size: 100,
      iops: 3000,
      throughput: 125,
      encrypted: true,
      snapshotId: 'snap-1',
    });
    expect(row.attachments).toEqual([
      {
        instanceId: 'i-1',
        device: '/dev/sdf',
        state: 'attached',
        deleteOnTermination: false,
      },
    ]);
    expect(toVolumeRow({}, 'x')).toMatchObject({
      size: 0,
      iops: undefined,
      state: 'unknown',
      encrypted: false,
    });
  });

  it('maps a snapshot and reads its progress as a number', () => {
    const row = toSnapshotRow(
      {
        SnapshotId: 'snap-1',
        VolumeId: 'vol-1',
        VolumeSize: 20,
        State: 'pending',
        Progress: '45%',
        Description: 'nightly',
        Tags: [{ Key: 'Name', Value: 'n' }],
      },
      'eu-west-1',
    );
    expect(row).toMatchObject({
      id: 'snap-1',
      name: 'n',
      size: 20,
      state: 'pending',
      progress: 45,
      description: 'nightly',
      region: 'eu-west-1',
    });
  });

  it.each([
    ['45%', 45],
    ['100%', 100],
    ['0%', 0],
    ['', 0],
    [undefined, 0],
    ['12.5%', 12.5],
    ['n/a', 0],
  ])('reads progress %o as %i', (text, value) => {
    expect(parseProgress(text)).toBe(value);
  });
});
