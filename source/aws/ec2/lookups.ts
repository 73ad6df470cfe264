/**
 * Single-resource reads that writes make first, to refuse with a clear
 * message what EC2 (or an emulator) would let through or answer vaguely:
 * a volume in another zone, a device in use, a size below the snapshot's.
 */
import type {
  EC2Client,
  Instance,
  Snapshot,
  Volume,
} from '@aws-sdk/client-ec2';
import { UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { ec2Call, ec2Context } from './ec2-errors.js';

function notFound(kind: string, id: string, region: string): UserError {
  return new UserError(`${kind} ${id} not found in ${region}`, {
    hint: 'it may have been deleted, or be in another region (:region)',
  });
}

export async function describeVolume(
  factory: AwsClientFactory,
  client: EC2Client,
  volumeId: string,
): Promise<Volume> {
  const { DescribeVolumesCommand } = await import('./ec2-sdk.js');
  const found = await ec2Call(
    ec2Context(factory, 'DescribeVolumes', volumeId),
    () => client.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })),
  );
  const volume = found.Volumes?.[0];
  if (volume === undefined)
    throw notFound('volume', volumeId, factory.settings.region);
  return volume;
}

export async function describeInstance(
  factory: AwsClientFactory,
  client: EC2Client,
  instanceId: string,
): Promise<Instance> {
  const { DescribeInstancesCommand } = await import('./ec2-sdk.js');
  const found = await ec2Call(
    ec2Context(factory, 'DescribeInstances', instanceId),
    () =>
      client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })),
  );
  const instance = found.Reservations?.[0]?.Instances?.[0];
  if (instance === undefined)
    throw notFound('instance', instanceId, factory.settings.region);
  return instance;
}

export async function describeSnapshot(
  factory: AwsClientFactory,
  client: EC2Client,
  snapshotId: string,
): Promise<Snapshot> {
  const { DescribeSnapshotsCommand } = await import('./ec2-sdk.js');
  const found = await ec2Call(
    ec2Context(factory, 'DescribeSnapshots', snapshotId),
    () =>
      client.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] })),
  );
  const snapshot = found.Snapshots?.[0];
  if (snapshot === undefined)
    throw notFound('snapshot', snapshotId, factory.settings.region);
  return snapshot;
}
