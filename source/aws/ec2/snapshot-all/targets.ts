/**
 * The instances snapshot-all works on, found by ID, by Name or by a tag, with
 * their attached EBS volumes (device, ID, tags) and the instance's own tags.
 */
import type { EC2Client, Filter, Instance } from '@aws-sdk/client-ec2';
import { UserError } from '../../../lib/errors.js';
import type { AwsClientFactory } from '../../client-factory.js';
import { ec2Call, ec2Context } from '../ec2-errors.js';
import { tagsToRecord } from '../rows.js';
import type { Tags } from '../types.js';

export type TargetSelector =
  /** An ID or a Name. */
  | { readonly instance: string }
  /** An ID as the instance metadata gives it. */
  | { readonly instanceId: string }
  | { readonly tag: { readonly key: string; readonly value: string } };

export interface TargetVolume {
  readonly device: string;
  readonly volumeId: string;
  readonly tags: Tags;
}

export interface SnapshotTarget {
  readonly instanceId: string;
  /** The Name tag, or ''. */
  readonly name: string;
  readonly rootDevice: string;
  readonly tags: Tags;
  readonly volumes: readonly TargetVolume[];
}

const LIVE_STATES: Filter = {
  Name: 'instance-state-name',
  Values: ['pending', 'running', 'stopping', 'stopped'],
};

export async function findTargets(
  factory: AwsClientFactory,
  selector: TargetSelector,
  signal?: AbortSignal,
): Promise<SnapshotTarget[]> {
  const client = await factory.ec2();
  const region = factory.settings.region;
  const { filters, label } = describeSelector(selector);
  const instances = await describeAll(factory, client, filters, signal);
  if (instances.length === 0)
    throw new UserError(`no instance ${label} in ${region}`, {
      hint: 'check the region (--region) and the profile (--profile)',
    });
  if (label.startsWith('named') && instances.length > 1)
    throw new UserError(
      `${String(instances.length)} instances are ${label} in ${region}: ${instances.map((one) => one.InstanceId ?? '?').join(', ')}`,
      { hint: 'give the instance ID instead' },
    );
  const volumeTags = await tagsOfVolumes(
    factory,
    client,
    instances.flatMap((one) =>
      (one.BlockDeviceMappings ?? []).flatMap((mapping) =>
        mapping.Ebs?.VolumeId === undefined ? [] : [mapping.Ebs.VolumeId],
      ),
    ),
    signal,
  );
  return instances.map((instance) => {
    const tags = tagsToRecord(instance.Tags);
    return {
      instanceId: instance.InstanceId ?? '',
      name: tags['Name'] ?? '',
      rootDevice: instance.RootDeviceName ?? '',
      tags,
      volumes: (instance.BlockDeviceMappings ?? []).flatMap((mapping) => {
        const volumeId = mapping.Ebs?.VolumeId;
        if (volumeId === undefined) return [];
        return [
          {
            device: mapping.DeviceName ?? '',
            volumeId,
            tags: volumeTags.get(volumeId) ?? {},
          },
        ];
      }),
    };
  });
}

function describeSelector(selector: TargetSelector): {
  filters: Filter[];
  label: string;
} {
  if ('tag' in selector)
    return {
      filters: [
        { Name: `tag:${selector.tag.key}`, Values: [selector.tag.value] },
        LIVE_STATES,
      ],
      label: `tagged ${selector.tag.key}=${selector.tag.value}`,
    };
  const byId = (id: string) => ({
    filters: [{ Name: 'instance-id', Values: [id] }],
    label: id,
  });
  if ('instanceId' in selector) return byId(selector.instanceId);
  if (/^i-[0-9a-f]{8,17}$/.test(selector.instance))
    return byId(selector.instance);
  return {
    filters: [{ Name: 'tag:Name', Values: [selector.instance] }, LIVE_STATES],
    label: `named "${selector.instance}"`,
  };
}

async function describeAll(
  factory: AwsClientFactory,
  client: EC2Client,
  filters: Filter[],
  signal: AbortSignal | undefined,
): Promise<Instance[]> {
  const { paginateDescribeInstances } = await import('../ec2-sdk.js');
  return ec2Call(ec2Context(factory, 'DescribeInstances'), async () => {
    const found: Instance[] = [];
    for await (const page of paginateDescribeInstances(
      { client },
      { Filters: filters },
      { abortSignal: signal },
    ))
      for (const reservation of page.Reservations ?? [])
        found.push(...(reservation.Instances ?? []));
    return found;
  });
}

async function tagsOfVolumes(
  factory: AwsClientFactory,
  client: EC2Client,
  volumeIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Map<string, Tags>> {
  const tags = new Map<string, Tags>();
  if (volumeIds.length === 0) return tags;
  const { paginateDescribeVolumes } = await import('../ec2-sdk.js');
  await ec2Call(ec2Context(factory, 'DescribeVolumes'), async () => {
    for await (const page of paginateDescribeVolumes(
      { client },
      { Filters: [{ Name: 'volume-id', Values: [...new Set(volumeIds)] }] },
      { abortSignal: signal },
    ))
      for (const volume of page.Volumes ?? [])
        if (volume.VolumeId !== undefined)
          tags.set(volume.VolumeId, tagsToRecord(volume.Tags));
  });
  return tags;
}
