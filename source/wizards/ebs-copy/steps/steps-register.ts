/**
 * The snapshot + register path for an image (see register-rules.ts for when
 * it is allowed): copy each snapshot behind the source image into the
 * target, then register an image there from the copies with the source's
 * architecture, virtualization, root device, boot mode, ENA and devices,
 * since RegisterImage's own defaults (i386, paravirtual, legacy BIOS, no
 * ENA) would make an image that does not boot. Neither call takes a client
 * token: both look for what an interrupted run made (journal, then tags).
 */
import {
  GetInstanceUefiDataCommand,
  RegisterImageCommand,
  type BlockDeviceMapping,
  type Image,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { UserError } from '../../../lib/errors.js';
import { findSnapshotCopies } from '../run/find.js';
import type { StepContext } from '../run/step-context.js';
import {
  describeImage,
  runImageName,
  sourceImageId,
  stepImage,
} from './images.js';
import { startSnapshotCopy } from './steps-volume.js';
import { SOURCE_TAG, tagSpecs } from '../tags.js';
import { imageSnapshotIds, waitImage, waitSnapshots } from '../run/waits.js';

const COPY = 'copy:';

async function sourceImage(ctx: StepContext): Promise<Image> {
  const id = sourceImageId(ctx);
  const client = await ctx.sourceClient();
  return ec2Call(
    ctx.context('DescribeImages', id, ctx.request.source.region),
    () => describeImage(client, id),
  );
}

export async function copySnapshots(ctx: StepContext): Promise<void> {
  const client = await ctx.targetClient();
  const wanted = imageSnapshotIds(await sourceImage(ctx));
  const copyOf = (sourceId: string) => ctx.record().outputs[COPY + sourceId];
  const remember = (sourceId: string, id: string, how: 'created' | 'found') =>
    ctx.remember(
      { [COPY + sourceId]: id },
      [{ type: 'snapshot', id, region: ctx.step.region, intermediate: false }],
      how,
    );
  if (wanted.some((sourceId) => copyOf(sourceId) === undefined)) {
    const found = await findSnapshotCopies(client, ctx.runId, ctx.step.id);
    for (const sourceId of wanted) {
      const id = found.get(sourceId);
      if (copyOf(sourceId) === undefined && id !== undefined)
        await remember(sourceId, id, 'found');
    }
  }
  // One at a time, each journalled at once: a kill loses at most the answer to one call.
  for (const sourceId of wanted)
    if (copyOf(sourceId) === undefined)
      await remember(
        sourceId,
        await startSnapshotCopy(ctx, client, sourceId),
        'created',
      );
  const copies = wanted.map((sourceId) => copyOf(sourceId) ?? '');
  await waitSnapshots(
    ctx,
    client,
    copies,
    `copies of ${copies.length} snapshot(s) to ${ctx.step.region}`,
  );
}

/** The source's devices with each snapshot swapped for its copy; Encrypted left out, as RegisterImage requires. */
function copiedMappings(
  image: Image,
  copyOf: (sourceId: string) => string | undefined,
): BlockDeviceMapping[] {
  return (image.BlockDeviceMappings ?? []).map((mapping) => {
    const ebs = mapping.Ebs;
    if (ebs?.SnapshotId === undefined) return mapping;
    const copy = copyOf(ebs.SnapshotId);
    if (copy === undefined)
      throw new UserError(`no copy of ${ebs.SnapshotId} in the journal`, {
        hint: 'the copy-snapshots step did not finish; resume the run',
      });
    return {
      DeviceName: mapping.DeviceName,
      Ebs: {
        SnapshotId: copy,
        VolumeSize: ebs.VolumeSize,
        VolumeType: ebs.VolumeType,
        Iops: ebs.Iops,
        Throughput: ebs.Throughput,
        DeleteOnTermination: ebs.DeleteOnTermination,
      },
    };
  });
}

/** The UEFI variable store of a source instance (Secure Boot keys), when it boots UEFI. */
async function uefiData(
  ctx: StepContext,
  image: Image,
): Promise<string | undefined> {
  if (ctx.request.source.kind !== 'instance' || image.BootMode !== 'uefi')
    return undefined;
  const client = await ctx.sourceClient();
  const found = await ec2Call(
    ctx.context('GetInstanceUefiData', ctx.facts.id, ctx.request.source.region),
    () =>
      client.send(new GetInstanceUefiDataCommand({ InstanceId: ctx.facts.id })),
  );
  return found.UefiData || undefined;
}

export async function registerImage(ctx: StepContext): Promise<void> {
  const client = await ctx.targetClient();
  const sourceId = sourceImageId(ctx);
  const name = runImageName(ctx.facts.name || sourceId, ctx.runId);
  const id = await stepImage(ctx, client, {
    name,
    intermediate: false,
    create: async () => {
      const image = await sourceImage(ctx);
      const mappings = copiedMappings(image, (snapshot) =>
        ctx.output('copy-snapshots', COPY + snapshot),
      );
      const uefi = await uefiData(ctx, image);
      const made = await ec2Call(ctx.context('RegisterImage', sourceId), () =>
        client.send(
          new RegisterImageCommand({
            Name: name,
            Description: `opsdeck ${ctx.runId}: ${sourceId} of ${ctx.request.source.region}, registered from snapshot copies`,
            Architecture: image.Architecture,
            VirtualizationType: image.VirtualizationType,
            RootDeviceName: image.RootDeviceName,
            BlockDeviceMappings: mappings,
            EnaSupport: image.EnaSupport === true,
            ...(image.SriovNetSupport === 'simple'
              ? { SriovNetSupport: 'simple' }
              : {}),
            ...(image.BootMode === undefined
              ? {}
              : { BootMode: image.BootMode }),
            ...(image.TpmSupport === undefined
              ? {}
              : { TpmSupport: image.TpmSupport }),
            ...(image.ImdsSupport === undefined
              ? {}
              : { ImdsSupport: image.ImdsSupport }),
            ...(uefi === undefined ? {} : { UefiData: uefi }),
            TagSpecifications: tagSpecs(
              ['image'],
              ctx.tags({ [SOURCE_TAG]: sourceId }),
            ),
          }),
          { abortSignal: ctx.signal },
        ),
      );
      return made.ImageId ?? '';
    },
  });
  await waitImage(
    ctx,
    client,
    id,
    `image ${id} registered in ${ctx.step.region}`,
  );
}
