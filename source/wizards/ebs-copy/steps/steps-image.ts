/**
 * Steps of the image and instance paths: stop the source if asked, image
 * it, and copy the image into the target region (client token plus a name
 * that holds the run ID). The check of the result is in steps-check.ts.
 */
import {
  CopyImageCommand,
  CreateTagsCommand,
  CreateImageCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { ProductCodeError, toCopyError } from '../checks/copy-errors.js';
import {
  rememberImageSnapshots,
  runImageName,
  sourceImageId,
  stepImage,
} from './images.js';
import { registerOffer } from '../checks/register-rules.js';
import type { StepContext } from '../run/step-context.js';
import { encryptionFields } from './steps-volume.js';
import { SOURCE_TAG, tagSpecs } from '../tags.js';
import { imageSnapshotIds, waitImage, waitInstance } from '../run/waits.js';

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
  const id = await stepImage(ctx, client, {
    name,
    intermediate: true,
    create: async () => {
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
      return made.ImageId ?? '';
    },
  });
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
  await rememberImageSnapshots(ctx, snapshots, true);
}

export async function copyImage(ctx: StepContext): Promise<void> {
  const client = await ctx.targetClient();
  const sourceId = sourceImageId(ctx);
  const name = runImageName(ctx.facts.name || sourceId, ctx.runId);
  const id = await stepImage(ctx, client, {
    name,
    intermediate: false,
    create: async () => {
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
        return made.ImageId ?? '';
      } catch (error) {
        const mapped = toCopyError(error, context, ctx.resumeHint);
        // Where CopyImage is refused for billing, say whether the other path is open.
        if (mapped instanceof ProductCodeError)
          throw new ProductCodeError(mapped.message, {
            hint: registerOffer(ctx.facts, ctx.step.region),
            cause: error,
          });
        throw mapped;
      }
    },
  });
  const image = await waitImage(
    ctx,
    client,
    id,
    `copy ${id} of ${sourceId} to ${ctx.step.region}`,
  );
  await rememberImageSnapshots(ctx, imageSnapshotIds(image), false);
}
