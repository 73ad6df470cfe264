/**
 * Steps of a bucket source: make the target bucket (once, across kills:
 * see create-decision.ts), apply one configuration item, copy the contents
 * by the bucket-to-bucket sync. Re-running the copy copies only what
 * differs, so a resumed run simply runs it again.
 */
import { join } from 'node:path';
import {
  applyBucketConfig,
  checkTargetName,
} from '../../../aws/s3/bucket-config/bucket-config.js';
import { bucketRegion, makeBucket } from '../../../aws/s3/buckets.js';
import { formatBytes } from '../../../lib/byte-size.js';
import { UserError } from '../../../lib/errors.js';
import {
  bucketConfigPlan,
  configItemOf,
  targetBucketName,
} from '../bucket/bucket-plan.js';
import { createDecision } from '../bucket/create-decision.js';
import type { StepContext } from '../run/step-context.js';
import { stepResource } from '../run/step-resource.js';
import { syncBuckets } from '../bucket/bucket-contents.js';

export async function createBucket(ctx: StepContext): Promise<void> {
  const name = targetBucketName(ctx.request);
  const targetRegion = ctx.request.target.region;
  await stepResource(ctx, {
    key: 'bucket',
    type: 'bucket',
    intermediate: false,
    find: async () => {
      const check = await checkTargetName(ctx.factory, name, ctx.signal);
      const foundRegion =
        check.usable && check.exists
          ? await bucketRegion(
              ctx.factory,
              await ctx.factory.s3(),
              name,
              ctx.signal,
            )
          : undefined;
      const decision = createDecision({
        journalled: false,
        check,
        ...(foundRegion === undefined ? {} : { foundRegion }),
        targetRegion,
      });
      if (decision.action === 'refuse')
        throw new UserError(`bucket ${name} cannot be made: ${decision.why}`, {
          hint: 'start a new copy with another name for the new bucket',
        });
      return decision.action === 'found' ? name : undefined;
    },
    create: async () => {
      await makeBucket(ctx.factory, name, targetRegion);
      return name;
    },
  });
}

/** One configuration item; setting it again on a resume sets the same. */
export async function applyConfigItem(ctx: StepContext): Promise<void> {
  const item = configItemOf(ctx.step.id);
  if (item === undefined) return;
  ctx.signal.throwIfAborted();
  await applyBucketConfig(
    ctx.factory,
    bucketConfigPlan(ctx.request, ctx.facts),
    new Set([item]),
    { create: false },
  );
  await ctx.remember({ applied: item });
}

export async function copyContents(ctx: StepContext): Promise<void> {
  const target = targetBucketName(ctx.request);
  // Counted against the pre-flight's listing: the sync's own totals grow as it lists.
  const objects = ctx.facts.bucket?.objects ?? 0;
  let already = 0;
  const result = await syncBuckets(
    ctx.factory,
    { source: ctx.request.source.id, target },
    join(ctx.workDir, 'uploads'),
    {
      signal: ctx.signal,
      onPlanned: (item) => {
        if (item.action === 'skip') already++;
      },
      onProgress: (progress) => {
        const done = already + progress.itemsDone;
        ctx.progress({
          done: false,
          // Short enough to stay beside the bar at 80 columns.
          state: `${done}/${objects} done${already > 0 ? ` (${already} were there)` : ''}, ${formatBytes(progress.bytesDone)}`,
          percent:
            objects > 0 ? Math.min(99, (done / objects) * 100) : undefined,
        });
      },
    },
  );
  ctx.signal.throwIfAborted();
  if (result.failedCount > 0) {
    const first = result.failed[0];
    throw new UserError(
      `${result.failedCount} object(s) not copied${first === undefined ? '' : `, first ${first.rel}: ${first.message}`}`,
      { hint: `${ctx.resumeHint} (it copies only what differs)` },
    );
  }
  await ctx.remember({
    copied: String(result.copied),
    unchanged: String(result.skipped.unchanged),
    bytes: String(result.bytes),
  });
}
