/**
 * A bucket-to-bucket plan for `opsdeck s3 sync`, kept for AWS's engines: the
 * dry run with its planned keys, the offers when it is large, and their text.
 */
import type { EngineAccess, HandoffEngine } from '../../aws/s3jobs/types.js';
import {
  copyPlaces,
  newPlannedCopies,
  notePlannedCopy,
  offerHandoff,
  type PlannedBucketCopy,
} from '../../s3sync/handoff/copy-handoff.js';
import { roleAskedBy } from '../../s3sync/handoff/handoff-requests.js';
import {
  describeOffer,
  isLargeCopy,
  type HandoffDecision,
} from '../../s3sync/handoff/decide.js';
import type {
  SyncHooks,
  SyncResult,
  SyncSpec,
} from '../../s3sync/sync-spec.js';
import { bucketSyncCommand, type CopyOptions } from './bucket-sync-command.js';
import type { S3Session } from './s3-session.js';

/** Plans the copy (a dry run) and keeps what a handoff needs of it. */
export async function planBucketCopy(
  session: S3Session,
  spec: SyncSpec,
  copy: CopyOptions,
  hooks: SyncHooks,
): Promise<{ result: SyncResult; bucketCopy?: PlannedBucketCopy }> {
  const places = copyPlaces(spec);
  const planned = newPlannedCopies();
  const result = await bucketSyncCommand(
    session,
    { ...spec, dryRun: true },
    copy,
    {
      ...hooks,
      onPlanned: (item) => {
        if (places) notePlannedCopy(planned, places, item);
        hooks.onPlanned?.(item);
      },
    },
  );
  if (!places || !result.copyTotals || result.cancelled) return { result };
  return {
    result,
    bucketCopy: {
      spec,
      places,
      totals: result.copyTotals,
      planned,
      deletes: result.planned.delete,
    },
  };
}

/** The offers, after asking the account which engine it allows; undefined when small. */
export async function decideForCopy(
  session: S3Session,
  bucketCopy: PlannedBucketCopy,
  signal: AbortSignal,
  force = false,
): Promise<HandoffDecision | undefined> {
  if (!force && !isLargeCopy(bucketCopy.totals, session.handoff))
    return undefined;
  const jobs = await session.jobs();
  const access: Record<HandoffEngine, EngineAccess> = await jobs.access(signal);
  return offerHandoff(
    bucketCopy.totals,
    bucketCopy.planned,
    bucketCopy.places,
    session.handoff,
    roleAskedBy(access, session.handoff, 'pass --role-arn'),
  );
}

export function offerText(decision: HandoffDecision): string[] {
  return [
    `large copy: ${decision.why}`,
    ...decision.offers.map((offer) => describeOffer(offer)),
    'hand it over with --handoff batch or --handoff datasync (--dryrun changes nothing)',
  ];
}
