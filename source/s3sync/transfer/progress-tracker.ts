/**
 * Progress of a sync as the job runner shows it: items and bytes done out of
 * the totals planned so far (totals grow while the listing streams), rate
 * and ETA from source/jobs/progress.ts. Reports are throttled.
 */
import {
  rateFrom,
  snapshot,
  type ProgressSnapshot,
  type RateSample,
} from '../../jobs/progress.js';

export interface ProgressTracker {
  planned(bytes: number): void;
  bytes(count: number): void;
  /** An item finished (or failed); `unsent` bytes of it never moved. */
  itemDone(unsent?: number): void;
  /** Sends the current snapshot now (end of planning, end of run). */
  flush(): void;
  readonly current: () => ProgressSnapshot;
}

export function createProgressTracker(
  onProgress: ((progress: ProgressSnapshot) => void) | undefined,
  options: { now?: () => number; intervalMs?: number } = {},
): ProgressTracker {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? 100;
  const samples: RateSample[] = [];
  let itemsTotal = 0;
  let itemsDone = 0;
  let bytesTotal = 0;
  let bytesDone = 0;
  let lastSent = 0;

  const current = () =>
    snapshot(
      { bytesDone, bytesTotal, itemsDone, itemsTotal },
      rateFrom(samples),
    );
  const sample = () => {
    samples.push({ at: now(), bytes: bytesDone });
    if (samples.length > 200) samples.splice(0, samples.length - 200);
  };
  const maybeSend = () => {
    const at = now();
    if (at - lastSent < interval) return;
    lastSent = at;
    sample();
    onProgress?.(current());
  };
  return {
    planned(bytes) {
      itemsTotal++;
      bytesTotal += bytes;
      maybeSend();
    },
    bytes(count) {
      bytesDone += count;
      maybeSend();
    },
    itemDone(unsent = 0) {
      itemsDone++;
      // A failed transfer's bytes leave the total, so the bar still ends.
      bytesTotal -= unsent;
      maybeSend();
    },
    flush() {
      lastSent = now();
      sample();
      onProgress?.(current());
    },
    current,
  };
}
