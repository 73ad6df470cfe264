/**
 * Which of snapshot-all's own snapshots a run deletes, per volume: the
 * newest `keep` and those younger than `keepDays` stay (either rule keeps a
 * snapshot), the ones just made and any an AMI uses are never touched.
 * Pure, so a dry run and a real run decide alike.
 */

/** Set on every snapshot the command makes; retention only ever looks at these. */
export const SNAPSHOT_ALL_TAG = 'opsdeck:snapshot-all';

export interface RetentionRule {
  /** Keep this many newest per volume, counting the one just made. */
  readonly keep?: number | undefined;
  /** Keep those made within this many days. */
  readonly keepDays?: number | undefined;
}

export interface OwnSnapshot {
  readonly snapshotId: string;
  readonly volumeId: string;
  readonly made: Date;
}

export interface ImageUse {
  readonly imageId: string;
  readonly imageName: string;
}

export interface RetentionDecision {
  readonly delete: readonly OwnSnapshot[];
  readonly keptForImages: readonly (OwnSnapshot & ImageUse)[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function hasRetention(rule: RetentionRule): boolean {
  return rule.keep !== undefined || rule.keepDays !== undefined;
}

/**
 * When a snapshot was made: the command's own tag (milliseconds, so runs in
 * the same second still order), else EC2's start time.
 */
export function madeAt(tagValue: string | undefined, started?: Date): Date {
  const tagged = tagValue === undefined ? Number.NaN : Date.parse(tagValue);
  if (!Number.isNaN(tagged)) return new Date(tagged);
  return started ?? new Date(0);
}

/**
 * The decision for one volume. `newCount` is how many new snapshots this run
 * adds to the volume (made already, or only planned in a dry run); they rank
 * first and are never in `existing`'s deletions.
 */
export function decideRetention(
  existing: readonly OwnSnapshot[],
  rule: RetentionRule,
  context: {
    readonly now: Date;
    readonly justMade: ReadonlySet<string>;
    readonly newCount: number;
    readonly images: ReadonlyMap<string, ImageUse>;
  },
): RetentionDecision {
  if (!hasRetention(rule)) return { delete: [], keptForImages: [] };
  const older = existing
    .filter((snapshot) => !context.justMade.has(snapshot.snapshotId))
    .sort(
      (a, b) =>
        b.made.getTime() - a.made.getTime() ||
        b.snapshotId.localeCompare(a.snapshotId),
    );
  const doomed: OwnSnapshot[] = [];
  const keptForImages: (OwnSnapshot & ImageUse)[] = [];
  let rank = context.newCount;
  for (const snapshot of older) {
    const image = context.images.get(snapshot.snapshotId);
    // An image's snapshot stays and takes no place among the newest kept.
    if (image !== undefined) {
      if (!keptByRule(snapshot, rank, rule, context.now))
        keptForImages.push({ ...snapshot, ...image });
      continue;
    }
    if (!keptByRule(snapshot, rank, rule, context.now)) doomed.push(snapshot);
    rank++;
  }
  return { delete: doomed, keptForImages };
}

function keptByRule(
  snapshot: OwnSnapshot,
  rank: number,
  rule: RetentionRule,
  now: Date,
): boolean {
  const byCount = rule.keep !== undefined && rank < rule.keep;
  const byAge =
    rule.keepDays !== undefined &&
    now.getTime() - snapshot.made.getTime() < rule.keepDays * DAY_MS;
  return byCount || byAge;
}
