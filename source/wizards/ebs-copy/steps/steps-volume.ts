/**
 * Steps of the volume and snapshot paths: snapshot the source volume, copy
 * the snapshot into the target region, create the volume there, attach it.
 * Each first looks for what an interrupted run made (journal, then tags).
 */
import {
  AttachVolumeCommand,
  CopySnapshotCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type VolumeType,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { toCopyError } from '../checks/copy-errors.js';
import { findSnapshots, findVolume } from '../run/find.js';
import type { StepContext } from '../run/step-context.js';
import { stepResource } from '../run/step-resource.js';
import { SOURCE_TAG, tagSpecs } from '../tags.js';
import type { Encryption } from '../types.js';
import { waitSnapshots, waitVolume } from '../run/waits.js';

/** CopySnapshot/CopyImage encryption fields for the choice. */
export function encryptionFields(
  encryption: Encryption,
  sourceEncrypted: boolean,
) {
  if (encryption.mode === 'kms')
    return { Encrypted: true, KmsKeyId: encryption.keyId };
  if (encryption.mode === 'default' || sourceEncrypted)
    return { Encrypted: true };
  return {};
}

export async function snapshotSource(ctx: StepContext): Promise<void> {
  const client = await ctx.sourceClient();
  const id = await stepResource(ctx, {
    key: 'snapshotId',
    type: 'snapshot',
    intermediate: true,
    find: async () => (await findSnapshots(client, ctx.runId, ctx.step.id))[0],
    create: async () => {
      const made = await ec2Call(
        ctx.context('CreateSnapshot', ctx.facts.id),
        () =>
          client.send(
            new CreateSnapshotCommand({
              VolumeId: ctx.facts.id,
              Description: `opsdeck ${ctx.runId}: ${ctx.facts.id} for a copy to ${ctx.request.target.region}`,
              TagSpecifications: tagSpecs(['snapshot'], ctx.tags()),
            }),
            { abortSignal: ctx.signal },
          ),
      );
      return made.SnapshotId ?? '';
    },
  });
  await waitSnapshots(ctx, client, [id], `snapshot ${id} of ${ctx.facts.id}`);
}

/** Starts one CopySnapshot into the target (the step's region); returns the copy's ID. */
export async function startSnapshotCopy(
  ctx: StepContext,
  client: EC2Client,
  sourceId: string,
): Promise<string> {
  const context = ctx.context('CopySnapshot', sourceId);
  try {
    // Sent to the target region; the SDK presigns the request for the source region.
    const made = await client.send(
      new CopySnapshotCommand({
        SourceRegion: ctx.request.source.region,
        SourceSnapshotId: sourceId,
        Description: `opsdeck ${ctx.runId}: copy of ${sourceId} from ${ctx.request.source.region}`,
        ...encryptionFields(ctx.request.target.encryption, ctx.facts.encrypted),
        TagSpecifications: tagSpecs(
          ['snapshot'],
          ctx.tags({ [SOURCE_TAG]: sourceId }),
        ),
      }),
      { abortSignal: ctx.signal },
    );
    return made.SnapshotId ?? '';
  } catch (error) {
    throw toCopyError(error, context, ctx.resumeHint);
  }
}

export async function copySnapshot(ctx: StepContext): Promise<void> {
  const client = await ctx.targetClient();
  const sourceId =
    ctx.request.source.kind === 'snapshot'
      ? ctx.facts.id
      : (ctx.output('snapshot-source', 'snapshotId') ?? '');
  // A volume path only needs the copy until the volume exists.
  const intermediate = ctx.request.source.kind === 'volume';
  const id = await stepResource(ctx, {
    key: 'snapshotId',
    type: 'snapshot',
    intermediate,
    find: async () => (await findSnapshots(client, ctx.runId, ctx.step.id))[0],
    create: () => startSnapshotCopy(ctx, client, sourceId),
  });
  await waitSnapshots(
    ctx,
    client,
    [id],
    `copy ${id} of ${sourceId} to ${ctx.step.region}`,
  );
}

export async function createVolume(ctx: StepContext): Promise<void> {
  const client = await ctx.targetClient();
  const snapshotId = ctx.output('copy-snapshot', 'snapshotId') ?? '';
  const id = await stepResource(ctx, {
    key: 'volumeId',
    type: 'volume',
    intermediate: false,
    find: () => findVolume(client, ctx.runId, ctx.step.id),
    create: async () => {
      const type = ctx.request.volumeType ?? ctx.facts.volumeType ?? 'gp3';
      const sameType = type === ctx.facts.volumeType;
      const made = await ec2Call(ctx.context('CreateVolume', snapshotId), () =>
        client.send(
          new CreateVolumeCommand({
            AvailabilityZone: ctx.request.target.az,
            SnapshotId: snapshotId,
            VolumeType: type as VolumeType,
            // Performance carries over only within a type that has it.
            ...(sameType && ['gp3', 'io1', 'io2'].includes(type)
              ? { Iops: ctx.facts.iops }
              : {}),
            ...(sameType && type === 'gp3'
              ? { Throughput: ctx.facts.throughput }
              : {}),
            TagSpecifications: tagSpecs(['volume'], ctx.tags()),
            ClientToken: ctx.token(),
          }),
          { abortSignal: ctx.signal },
        ),
      );
      return made.VolumeId ?? '';
    },
  });
  await waitVolume(ctx, client, id, 'available');
}

export async function attachVolume(ctx: StepContext): Promise<void> {
  const client = await ctx.targetClient();
  const attach = ctx.request.attachTo;
  const volumeId = ctx.output('create-volume', 'volumeId') ?? '';
  if (attach === undefined) return;
  const found = await ec2Call(ctx.context('DescribeVolumes', volumeId), () =>
    client.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })),
  );
  const attached = (found.Volumes?.[0]?.Attachments ?? []).some(
    (attachment) => attachment.InstanceId === attach.instanceId,
  );
  if (!attached)
    await ec2Call(ctx.context('AttachVolume', volumeId), () =>
      client.send(
        new AttachVolumeCommand({
          VolumeId: volumeId,
          InstanceId: attach.instanceId,
          Device: attach.device,
        }),
        { abortSignal: ctx.signal },
      ),
    );
  await ctx.remember({ attachedTo: attach.instanceId, device: attach.device });
  await waitVolume(ctx, client, volumeId, 'in-use');
}
