/**
 * Look-ups by the run's tags, made before every create so a resumed run
 * adopts what an interrupted one made instead of making it again. The tag
 * check is repeated here because some EC2-compatible endpoints ignore filters.
 */
import {
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import {
  madeBy,
  SOURCE_GROUP_TAG,
  SOURCE_TAG,
  stepFilters,
  tagMap,
} from '../tags.js';
import type { StepKind } from '../run-types.js';

async function stepSnapshots(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
): Promise<Snapshot[]> {
  const found = await client.send(
    new DescribeSnapshotsCommand({
      OwnerIds: ['self'],
      Filters: stepFilters(runId, stepId),
    }),
  );
  return (found.Snapshots ?? []).filter(
    (snapshot) =>
      madeBy(snapshot.Tags, runId, stepId) &&
      snapshot.State !== 'error' &&
      snapshot.SnapshotId !== undefined,
  );
}

export async function findSnapshots(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
): Promise<string[]> {
  return (await stepSnapshots(client, runId, stepId)).map(
    (snapshot) => snapshot.SnapshotId ?? '',
  );
}

/** Copies the step made, by the snapshot each copies. */
export async function findSnapshotCopies(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
): Promise<Map<string, string>> {
  const copies = new Map<string, string>();
  for (const snapshot of await stepSnapshots(client, runId, stepId)) {
    const source = tagMap(snapshot.Tags)[SOURCE_TAG];
    if (source !== undefined && !copies.has(source))
      copies.set(source, snapshot.SnapshotId ?? '');
  }
  return copies;
}

/** By tag, or by the run's image name (copies on some endpoints lose their tags). */
export async function findImage(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
  name: string,
): Promise<string | undefined> {
  const usable = (state: string | undefined) =>
    !['failed', 'deregistered', 'error'].includes(state ?? '');
  const tagged = await client.send(
    new DescribeImagesCommand({
      Owners: ['self'],
      Filters: stepFilters(runId, stepId),
    }),
  );
  const byTag = (tagged.Images ?? []).find(
    (image) => madeBy(image.Tags, runId, stepId) && usable(image.State),
  );
  if (byTag?.ImageId !== undefined) return byTag.ImageId;
  const named = await client.send(
    new DescribeImagesCommand({
      Owners: ['self'],
      Filters: [{ Name: 'name', Values: [name] }],
    }),
  );
  return (named.Images ?? []).find(
    (image) => image.Name === name && usable(image.State),
  )?.ImageId;
}

export async function findVolume(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
): Promise<string | undefined> {
  const found = await client.send(
    new DescribeVolumesCommand({ Filters: stepFilters(runId, stepId) }),
  );
  return (found.Volumes ?? []).find(
    (volume) =>
      madeBy(volume.Tags, runId, stepId) &&
      !['deleting', 'deleted', 'error'].includes(volume.State ?? ''),
  )?.VolumeId;
}

export async function findInstance(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
): Promise<string | undefined> {
  const found = await client.send(
    new DescribeInstancesCommand({ Filters: stepFilters(runId, stepId) }),
  );
  return (found.Reservations ?? [])
    .flatMap((reservation) => reservation.Instances ?? [])
    .find(
      (instance) =>
        madeBy(instance.Tags, runId, stepId) &&
        !['shutting-down', 'terminated'].includes(instance.State?.Name ?? ''),
    )?.InstanceId;
}

/** Groups this run made, with the source group each stands for. */
export async function findGroups(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
): Promise<{ id: string; name: string; source: string }[]> {
  const found = await client.send(
    new DescribeSecurityGroupsCommand({ Filters: stepFilters(runId, stepId) }),
  );
  return (found.SecurityGroups ?? [])
    .filter((group) => madeBy(group.Tags, runId, stepId))
    .flatMap((group) =>
      group.GroupId === undefined
        ? []
        : [
            {
              id: group.GroupId,
              name: group.GroupName ?? '',
              source: tagMap(group.Tags)[SOURCE_GROUP_TAG] ?? '',
            },
          ],
    );
}

export async function findAddress(
  client: EC2Client,
  runId: string,
  stepId: StepKind,
): Promise<
  { allocationId: string; publicIp: string; instanceId: string } | undefined
> {
  const found = await client.send(
    new DescribeAddressesCommand({ Filters: stepFilters(runId, stepId) }),
  );
  const address = (found.Addresses ?? []).find((entry) =>
    madeBy(entry.Tags, runId, stepId),
  );
  return address?.AllocationId === undefined
    ? undefined
    : {
        allocationId: address.AllocationId,
        publicIp: address.PublicIp ?? '',
        instanceId: address.InstanceId ?? '',
      };
}
