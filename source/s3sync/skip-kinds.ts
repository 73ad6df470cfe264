/**
 * Why plan items were skipped. A file that is only at the destination of a
 * sync without --delete is kept, not "unchanged": summaries say each apart.
 */
import type { PlanItem } from './plan-types.js';

export interface SkipCounts {
  /** At both ends and the same. */
  unchanged: number;
  /** Only at the destination, kept because nothing deletes. */
  onlyAtDestination: number;
  /** Not transferred for a reason of its own (unsafe key, folder marker). */
  other: number;
}

export const noSkips = (): SkipCounts => ({
  unchanged: 0,
  onlyAtDestination: 0,
  other: 0,
});

/** Counts a skipped item by the planner's reason for it. */
export function countSkip(counts: SkipCounts, item: PlanItem): void {
  if (item.reason === 'unchanged') counts.unchanged++;
  else if (item.reason === 'only at destination') counts.onlyAtDestination++;
  else counts.other++;
}

/** "3 unchanged", then the others only when there are some. */
export function skipParts(counts: Readonly<SkipCounts>): string[] {
  return [
    `${counts.unchanged} unchanged`,
    ...(counts.onlyAtDestination > 0
      ? [`${counts.onlyAtDestination} only at the destination, kept`]
      : []),
    ...(counts.other > 0 ? [`${counts.other} skipped`] : []),
  ];
}
