/**
 * Pre-flight, part one for an instance: its state, how it boots, its type,
 * key, groups and billing, and the size of the volumes attached to it.
 * Also what the other sources' look-ups share. Reads only.
 */
import {
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { ec2Call, type Ec2Context } from '../../../aws/ec2/ec2-errors.js';
import { instanceAttributes } from './image-attributes.js';
import { blocker } from './problems.js';
import { tagMap } from '../tags.js';
import type { CopyRequest, Problem, SourceFacts } from '../types.js';

export type Found = { facts: SourceFacts | undefined; problems: Problem[] };
export type Context = (operation: string, target?: string) => Ec2Context;

export function notFound(kind: string, id: string, region: string): Found {
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

/** A NotFound answer as no result; anything else is thrown on. */
export function missing(error: unknown): undefined {
  if (/NotFound/.test((error as Error).name ?? '')) return undefined;
  throw error;
}

export async function describeInstance(
  client: EC2Client,
  request: CopyRequest,
  context: Context,
): Promise<Found> {
  const { id, region, kind } = request.source;
  const base = { id, region, kind };
  const problems: Problem[] = [];
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
