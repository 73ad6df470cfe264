/**
 * Steps of the image and instance paths: stop the source if asked, image
 * it, copy the image into the target region (client token plus a name that
 * holds the run ID), and check that the copy kept what matters for booting
 * and billing.
 */
import {
  CopyImageCommand,
  CreateTagsCommand,
  CreateImageCommand,
  DescribeImagesCommand,
  StopInstancesCommand,
  type Image,
} from '@aws-sdk/client-ec2';
import { UserError } from '../../errors.js';
import { ec2Call } from '../../aws/ec2/ec2-errors.js';
import { ProductCodeError, toCopyError } from './copy-errors.js';
import { findImage } from './find.js';
import { imageAttributes, imageDifferences } from './image-attributes.js';
import { registerOffer } from './register-rules.js';
import type { StepContext } from './step-context.js';
import { encryptionFields } from './steps-volume.js';
import { SOURCE_TAG, tagSpecs } from './tags.js';
import { imageSnapshotIds, waitImage, waitInstance } from './waits.js';

/** An AMI name with the run ID (unique, and how a copy that lost its tags is found). */
export function runImageName(base: string, runId: string): string {
  const clean = base.replace(/[^A-Za-z0-9()[\] ./\-'@_]/g, '-').slice(0, 100);
  return `${clean || 'image'} [${runId}]`;
}

export async function stopSource(ctx: StepContext): Promise<void> {
  const client = await ctx.sourceClient();
  await ec2Call(ctx.context('StopInstances', ctx.facts.id), () =>
    client.send(new StopInstancesCommand({ InstanceIds: [ctx.facts.id] }), {
      abortSignal: ctx.signal,
    }),
  );
  await ctx.remember({ stopped: ctx.facts.id });
  await waitInstance(ctx, client, ctx.facts.id, 'stopped');
}

export async function createImage(ctx: StepContext): Promise<void> {
  const client = await ctx.sourceClient();
  const name = runImageName(ctx.facts.name || ctx.facts.id, ctx.runId);
  let id = ctx.record().outputs['imageId'];
  const remember = (imageId: string, how: 'created' | 'found') =>
    ctx.remember(
      { imageId },
      [
        {
          type: 'image',
          id: imageId,
          region: ctx.step.region,
          intermediate: true,
        },
      ],
      how,
    );
  if (id === undefined) {
    id = await findImage(client, ctx.runId, ctx.step.id, name);
    if (id !== undefined) await remember(id, 'found');
  }
  if (id === undefined) {
    const made = await ec2Call(ctx.context('CreateImage', ctx.facts.id), () =>
      client.send(
        new CreateImageCommand({
          InstanceId: ctx.facts.id,
          Name: name,
          Description: `opsdeck ${ctx.runId}: ${ctx.facts.id} for a copy to ${ctx.request.target.region}`,
          NoReboot: ctx.request.instance?.consistency === 'no-reboot',
          // Snapshots are tagged once the image names them: some endpoints
          // refuse snapshot tags on CreateImage.
          TagSpecifications: tagSpecs(['image'], ctx.tags()),
        }),
        { abortSignal: ctx.signal },
      ),
    );
    id = made.ImageId ?? '';
    await remember(id, 'created');
  }
  const image = await waitImage(
    ctx,
    client,
    id,
    `image ${id} of ${ctx.facts.id}`,
  );
  const snapshots = imageSnapshotIds(image);
  if (snapshots.length > 0)
    await ec2Call(ctx.context('CreateTags', id), () =>
      client.send(
        new CreateTagsCommand({ Resources: snapshots, Tags: ctx.tags() }),
      ),
    );
  await ctx.remember(
    {},
    imageSnapshotIds(image).map((snapshot) => ({
      type: 'snapshot' as const,
      id: snapshot,
      region: ctx.step.region,
      intermediate: true,
    })),
  );
}

/** The image in the source region: the source itself, or the one create-image made. */
export function sourceImageId(ctx: StepContext): string {
  return ctx.request.source.kind === 'image'
    ? ctx.facts.id
    : (ctx.output('create-image', 'imageId') ?? '');
}

/** The image in the target region, copied or registered. */
export function targetImageId(ctx: StepContext): string {
  return (
    ctx.output('copy-image', 'imageId') ??
    ctx.output('register-image', 'imageId') ??
    ''
  );
}

export async function copyImage(ctx: StepContext): Promise<void> {
  const client = await ctx.targetClient();
  const sourceId = sourceImageId(ctx);
  const name = runImageName(ctx.facts.name || sourceId, ctx.runId);
  let id = ctx.record().outputs['imageId'];
  const remember = (imageId: string, how: 'created' | 'found') =>
    ctx.remember(
      { imageId },
      [
        {
          type: 'image',
          id: imageId,
          region: ctx.step.region,
          intermediate: false,
        },
      ],
      how,
    );
  if (id === undefined) {
    id = await findImage(client, ctx.runId, ctx.step.id, name);
    if (id !== undefined) await remember(id, 'found');
  }
  if (id === undefined) {
    const context = ctx.context('CopyImage', sourceId);
    try {
      const made = await client.send(
        new CopyImageCommand({
          SourceRegion: ctx.request.source.region,
          SourceImageId: sourceId,
          Name: name,
          Description: `opsdeck ${ctx.runId}: copy of ${sourceId} from ${ctx.request.source.region}`,
          ClientToken: ctx.token(),
          ...encryptionFields(
            ctx.request.target.encryption,
            ctx.facts.encrypted,
          ),
          TagSpecifications: tagSpecs(
            ['image', 'snapshot'],
            ctx.tags({ [SOURCE_TAG]: sourceId }),
          ),
        }),
        { abortSignal: ctx.signal },
      );
      id = made.ImageId ?? '';
    } catch (error) {
      const mapped = toCopyError(error, context, ctx.resumeHint);
      if (mapped instanceof ProductCodeError)
        throw new ProductCodeError(mapped.message, {
          hint: registerOffer(ctx.facts, ctx.step.region),
          cause: error,
        });
      throw mapped;
    }
    await remember(id, 'created');
  }
  const image = await waitImage(
    ctx,
    client,
    id,
    `copy ${id} of ${sourceId} to ${ctx.step.region}`,
  );
  await ctx.remember(
    {},
    imageSnapshotIds(image).map((snapshot) => ({
      type: 'snapshot' as const,
      id: snapshot,
      region: ctx.step.region,
      intermediate: false,
    })),
  );
}

export async function describeImage(
  client: Awaited<ReturnType<StepContext['sourceClient']>>,
  id: string,
): Promise<Image> {
  const found = await client.send(
    new DescribeImagesCommand({ ImageIds: [id] }),
  );
  const image = found.Images?.[0];
  if (image === undefined) throw new UserError(`image ${id} is gone`);
  return image;
}

export async function checkImage(ctx: StepContext): Promise<void> {
  const sourceId = sourceImageId(ctx);
  const copyId = targetImageId(ctx);
  const source = await ec2Call(
    ctx.context('DescribeImages', sourceId, ctx.request.source.region),
    async () => describeImage(await ctx.sourceClient(), sourceId),
  );
  const copy = await ec2Call(ctx.context('DescribeImages', copyId), async () =>
    describeImage(await ctx.targetClient(), copyId),
  );
  const differences = imageDifferences(
    imageAttributes(source),
    imageAttributes(copy),
  );
  if (differences.length > 0)
    throw new UserError(
      `the copy ${copyId} differs from ${sourceId}: ${differences.join('; ')}`,
      {
        hint: 'do not launch from it: boot or billing would differ. Deregister it and copy again, or report it to AWS support',
      },
    );
  await ctx.remember({
    checked: 'same architecture, virtualization, ENA, boot mode and billing',
  });
}
