/**
 * Pre-flight, part one: what the source is, whether it can be copied as it
 * stands, and how much data that means. Reads only.
 */
import {
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { imageAttributes } from './image-attributes.js';
import { blocker, warning } from './problems.js';
import { tagMap } from '../tags.js';
import type { CopyRequest, Problem } from '../types.js';

import {
  describeInstance,
  missing,
  notFound,
  type Context,
  type Found,
} from './instance-facts.js';

export async function describeSource(
  client: EC2Client,
  request: CopyRequest,
  context: Context,
): Promise<Found> {
  const { id, region, kind } = request.source;
  const base = { id, region, kind };
  const problems: Problem[] = [];
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
  return describeInstance(client, request, context);
}
