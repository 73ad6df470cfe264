/**
 * How a step makes its one resource at most once, across kills and
 * resumes: the ID in the journal; else the resource found by the run's
 * tags (an earlier session made it but lost the answer); else a create
 * call, whose ID is journalled at once, before any wait.
 */
import type { StepContext } from './step-context.js';
import type { ResourceType } from '../run-types.js';

export async function stepResource(
  ctx: StepContext,
  options: {
    /** The output that holds the ID. */
    readonly key: string;
    readonly type: ResourceType;
    readonly intermediate: boolean;
    readonly find: () => Promise<string | undefined>;
    readonly create: () => Promise<string>;
  },
): Promise<string> {
  const remember = (id: string, how: 'created' | 'found') =>
    ctx.remember(
      { [options.key]: id },
      [
        {
          type: options.type,
          id,
          region: ctx.step.region,
          intermediate: options.intermediate,
        },
      ],
      how,
    );
  const journalled = ctx.record().outputs[options.key];
  if (journalled !== undefined) return journalled;
  const found = await options.find();
  if (found !== undefined) {
    await remember(found, 'found');
    return found;
  }
  const made = await options.create();
  await remember(made, 'created');
  return made;
}
