/**
 * Pre-flight, part one: what the source is, whether it can be copied as it
 * stands, and how much data that means. Reads only.
 */
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { ec2Call, type Ec2Context } from '../../aws/ec2/ec2-errors.js';
import { imageAttributes, instanceAttributes } from './image-attributes.js';
import { blocker, warning } from './problems.js';
import { tagMap } from './tags.js';
import type { CopyRequest, Problem, SourceFacts } from './types.js';

type Found = { facts: SourceFacts | undefined; problems: Problem[] };
type Context = (operation: string, target?: string) => Ec2Context;

function notFound(kind: string, id: string, region: string): Found {
  return {
    facts: undefined,
    problems: [
      blocker(
        'source-missing',
        `${kind} ${id} not found in ${region}`,
        'check the ID and the source region (--source-region)',
      ),
    ],
  };
}

export async function describeSource(
  client: EC2Client,
  request: CopyRequest,
  context: Context,
): Promise<Found> {
  const { id, region, kind } = request.source;
  const base = { id, region, kind };
  const problems: Problem[] = [];
  const missing = (error: unknown) => {
    if (/NotFound/.test((error as Error).name ?? '')) return undefined;
    throw error;
  };
  if (kind === 'volume') {
    const found = await ec2Call(context('DescribeVolumes', id), () =>
      client
        .send(new DescribeVolumesCommand({ VolumeIds: [id] }))
        .catch(missing),
    );
    const volume = found?.Volumes?.[0];
    if (volume === undefined) return notFound('volume', id, region);
    const state = volume.State ?? '';
    if (state === 'in-use')
      problems.push(
        warning(
          'attached',
          `${id} is attached to ${volume.Attachments?.map((a) => a.InstanceId).join(', ') ?? '?'}: the snapshot is crash-consistent`,
          'stop the writes first (stop the application, or fsfreeze the file system), or stop the instance; a snapshot needs only a moment',
        ),
      );
    else if (state !== 'available')
      problems.push(
        blocker(
          'source-state',
          `${id} is ${state}`,
          'wait until it is available or in use',
        ),
      );
    const tags = tagMap(volume.Tags);
    return {
      problems,
      facts: {
        ...base,
        name: tags['Name'] ?? '',
        state,
        sizeGiB: volume.Size ?? 0,
        encrypted: volume.Encrypted === true,
        tags,
        ...(volume.VolumeType === undefined
          ? {}
          : { volumeType: volume.VolumeType }),
        ...(volume.Iops === undefined ? {} : { iops: volume.Iops }),
        ...(volume.Throughput === undefined
          ? {}
          : { throughput: volume.Throughput }),
      },
    };
  }
  if (kind === 'snapshot') {
    const found = await ec2Call(context('DescribeSnapshots', id), () =>
      client
        .send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))
        .catch(missing),
    );
    const snapshot = found?.Snapshots?.[0];
    if (snapshot === undefined) return notFound('snapshot', id, region);
    const state = snapshot.State ?? '';
    if (state !== 'completed')
      problems.push(
        blocker(
          'source-state',
          `snapshot ${id} is ${state}${snapshot.Progress ? ` (${snapshot.Progress})` : ''}`,
          'a snapshot can be copied once it is completed; wait and run the pre-flight again',
        ),
      );
    const tags = tagMap(snapshot.Tags);
    return {
      problems,
      facts: {
        ...base,
        name: tags['Name'] ?? snapshot.Description ?? '',
        state,
        sizeGiB: snapshot.VolumeSize ?? 0,
        encrypted: snapshot.Encrypted === true,
        tags,
      },
    };
  }
  if (kind === 'image') {
    const found = await ec2Call(context('DescribeImages', id), () =>
      client.send(new DescribeImagesCommand({ ImageIds: [id] })).catch(missing),
    );
    const image = found?.Images?.[0];
    if (image === undefined) return notFound('image', id, region);
    const state = image.State ?? '';
    if (state !== 'available')
      problems.push(
        blocker(
          'source-state',
          `image ${id} is ${state}`,
          'an image can be copied once it is available',
        ),
      );
    const ebs = (image.BlockDeviceMappings ?? []).flatMap((mapping) =>
      mapping.Ebs ? [mapping.Ebs] : [],
    );
    const productCodes = (image.ProductCodes ?? []).flatMap((code) =>
      code.ProductCodeId ? [code.ProductCodeId] : [],
    );
    return {
      problems,
      facts: {
        ...base,
        name: image.Name ?? '',
        state,
        sizeGiB: ebs.reduce((sum, entry) => sum + (entry.VolumeSize ?? 0), 0),
        encrypted: ebs.some((entry) => entry.Encrypted === true),
        tags: tagMap(image.Tags),
        productCodes,
        image: imageAttributes(image),
      },
    };
  }
  const found = await ec2Call(context('DescribeInstances', id), () =>
    client
      .send(new DescribeInstancesCommand({ InstanceIds: [id] }))
      .catch(missing),
  );
  const instance = found?.Reservations?.[0]?.Instances?.[0];
  if (instance === undefined) return notFound('instance', id, region);
  const state = instance.State?.Name ?? '';
  if (!['running', 'stopped'].includes(state))
    problems.push(
      blocker(
        'source-state',
        `instance ${id} is ${state}`,
        'wait until it is running or stopped',
      ),
    );
  if (instance.RootDeviceType === 'instance-store')
    problems.push(
      blocker(
        'instance-store',
        `${id} boots from instance store`,
        'only EBS-backed instances can be imaged this way',
      ),
    );
  const volumes = await ec2Call(context('DescribeVolumes', id), () =>
    client.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [id] }],
      }),
    ),
  );
  const attached = (volumes.Volumes ?? []).filter((volume) =>
    (volume.Attachments ?? []).some(
      (attachment) => attachment.InstanceId === id,
    ),
  );
  const tags = tagMap(instance.Tags);
  return {
    problems,
    facts: {
      ...base,
      name: tags['Name'] ?? '',
      state,
      sizeGiB: attached.reduce((sum, volume) => sum + (volume.Size ?? 0), 0),
      encrypted: attached.some((volume) => volume.Encrypted === true),
      tags,
      ...(instance.InstanceType === undefined
        ? {}
        : { instanceType: instance.InstanceType }),
      ...(instance.KeyName === undefined ? {} : { keyName: instance.KeyName }),
      securityGroupIds: (instance.SecurityGroups ?? []).flatMap((group) =>
        group.GroupId ? [group.GroupId] : [],
      ),
      productCodes: (instance.ProductCodes ?? []).flatMap((code) =>
        code.ProductCodeId ? [code.ProductCodeId] : [],
      ),
      image: instanceAttributes(instance),
    },
  };
}
