/** The check-image step: the image in the target keeps what matters for booting and billing. */
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { UserError } from '../../../lib/errors.js';
import {
  imageAttributes,
  imageDifferences,
} from '../checks/image-attributes.js';
import { describeImage, sourceImageId, targetImageId } from './images.js';
import type { StepContext } from '../run/step-context.js';

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
