/**
 * What the image steps share: the run's image names, which image is the
 * source and which the result, reading one image, and making an image at
 * most once: the journal, then the run's tags or name, and only then the
 * create call (CreateImage and RegisterImage take no client token).
 */
import {
  DescribeImagesCommand,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { UserError } from '../../../lib/errors.js';
import { findImage } from '../run/find.js';
import type { StepContext } from '../run/step-context.js';
import { stepResource } from '../run/step-resource.js';

/** An AMI name with the run ID (unique, and how a copy that lost its tags is found). */
export function runImageName(base: string, runId: string): string {
  const clean = base.replace(/[^A-Za-z0-9()[\] ./\-'@_]/g, '-').slice(0, 100);
  return `${clean || 'image'} [${runId}]`;
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

export async function describeImage(
  client: EC2Client,
  id: string,
): Promise<Image> {
  const found = await client.send(
    new DescribeImagesCommand({ ImageIds: [id] }),
  );
  const image = found.Images?.[0];
  if (image === undefined) throw new UserError(`image ${id} is gone`);
  return image;
}

/** The step's image (see step-resource.ts), found by the run's tags or, where an endpoint lost them, its name. */
export async function stepImage(
  ctx: StepContext,
  client: EC2Client,
  options: {
    readonly name: string;
    readonly intermediate: boolean;
    readonly create: () => Promise<string>;
  },
): Promise<string> {
  return stepResource(ctx, {
    key: 'imageId',
    type: 'image',
    intermediate: options.intermediate,
    find: () => findImage(client, ctx.runId, ctx.step.id, options.name),
    create: options.create,
  });
}

/** Journals the snapshots behind an image the step made or copied. */
export function rememberImageSnapshots(
  ctx: StepContext,
  snapshots: readonly string[],
  intermediate: boolean,
): Promise<void> {
  return ctx.remember(
    {},
    snapshots.map((snapshot) => ({
      type: 'snapshot' as const,
      id: snapshot,
      region: ctx.step.region,
      intermediate,
    })),
  );
}
