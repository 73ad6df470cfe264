/**
 * What every sync does with its plan, whichever the sides: count each item,
 * hand transfers to the executor as they stream in, hold deletions back, and
 * run them last only when the delete guard allows.
 */
import { setMaxListeners } from 'node:events';
import { toS3Error, type S3Context } from '../aws/s3/s3-errors.js';
import { UserError, isAbortError } from '../lib/errors.js';
import { checkDeletes } from './plan/delete-guard.js';
import { countSkip, noSkips, type SkipCounts } from './skip-kinds.js';
import type { PlanAction, PlanItem } from './plan-types.js';
import type { SyncHooks } from './sync-spec.js';
import type { Executor } from './transfer/executor.js';

/** The run's own signal: every request in flight listens, more than Node's default 10. */
export function linkedSignal(outer: AbortSignal): AbortSignal {
  const linked = new AbortController();
  setMaxListeners(10_000, linked.signal);
  const forward = () => linked.abort(outer.reason);
  if (outer.aborted) forward();
  else outer.addEventListener('abort', forward, { once: true });
  return linked.signal;
}

export interface PlanRun {
  readonly planned: Record<PlanAction, number>;
  plannedBytes: number;
  /** The skips by why: unchanged, kept at the destination, other. */
  readonly skipped: SkipCounts;
  warningCount: number;
  readonly deletes: PlanItem[];
  cancelled: boolean;
}

export async function drivePlan(
  plan: AsyncIterable<PlanItem>,
  executor: Executor,
  options: {
    readonly dryRun: boolean;
    readonly signal: AbortSignal;
    readonly hooks: SyncHooks;
    /** Where a listing failure is reported. */
    readonly listing: () => S3Context;
  },
): Promise<PlanRun> {
  const { hooks, signal } = options;
  const run: PlanRun = {
    planned: { upload: 0, download: 0, copy: 0, delete: 0, skip: 0 },
    plannedBytes: 0,
    skipped: noSkips(),
    warningCount: 0,
    deletes: [],
    cancelled: false,
  };
  try {
    for await (const item of plan) {
      run.planned[item.action]++;
      if (item.action === 'skip') countSkip(run.skipped, item);
      run.plannedBytes += item.bytes;
      hooks.onPlanned?.(item);
      if (item.warning) {
        run.warningCount++;
        hooks.onWarning?.(item.rel, item.reason);
      }
      if (item.action === 'delete') run.deletes.push(item);
      else if (!options.dryRun && item.action !== 'skip')
        await executor.submit(item);
      if (signal.aborted) break;
    }
  } catch (error) {
    if (!isAbortError(error)) {
      await executor.settle();
      throw error instanceof UserError
        ? error
        : toS3Error(error, options.listing());
    }
  } finally {
    run.cancelled = signal.aborted;
  }
  await executor.settle();
  return run;
}

/** Runs the held-back deletions when the guard allows; says why not otherwise. */
export async function finishDeletes(
  run: PlanRun,
  executor: Executor,
  source: {
    readonly dryRun: boolean;
    readonly maxDelete: number | undefined;
    readonly sourceCount: number;
    readonly allowEmptySource: boolean;
    readonly sourceIncomplete: boolean;
  },
): Promise<string | undefined> {
  const verdict = checkDeletes({
    planned: run.deletes.length,
    maxDelete: source.maxDelete,
    sourceCount: source.sourceCount,
    allowEmptySource: source.allowEmptySource,
    sourceIncomplete: source.sourceIncomplete,
    transferFailures: executor.failureCount(),
  });
  if (run.cancelled && run.deletes.length > 0) return 'cancelled';
  if (!verdict.allowed) return verdict.reason;
  if (!source.dryRun && run.deletes.length > 0)
    await executor.runDeletes(run.deletes);
  return undefined;
}
