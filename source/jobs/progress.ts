/** Progress arithmetic for jobs: rate smoothing, ETA, and the words shown. */
import { formatBytes } from '../lib/byte-size.js';

export interface ProgressCounts {
  readonly bytesDone: number;
  readonly bytesTotal?: number | undefined;
  readonly itemsDone: number;
  readonly itemsTotal?: number | undefined;
}

export interface ProgressSnapshot extends ProgressCounts {
  /** Bytes per second, smoothed. */
  readonly rate: number;
  readonly etaSeconds?: number | undefined;
  /** 0..1 when a total is known. */
  readonly fraction?: number | undefined;
}

export interface RateSample {
  readonly at: number;
  readonly bytes: number;
}

/** Smoothed rate over a sliding window of samples (ms timestamps). */
export function rateFrom(
  samples: readonly RateSample[],
  windowMs = 5000,
): number {
  const last = samples.at(-1);
  if (!last) return 0;
  const first =
    samples.find((sample) => last.at - sample.at <= windowMs) ?? last;
  const elapsed = (last.at - first.at) / 1000;
  return elapsed > 0 ? (last.bytes - first.bytes) / elapsed : 0;
}

export function snapshot(
  counts: ProgressCounts,
  rate: number,
): ProgressSnapshot {
  const fraction =
    counts.bytesTotal !== undefined && counts.bytesTotal > 0
      ? Math.min(1, counts.bytesDone / counts.bytesTotal)
      : counts.itemsTotal !== undefined && counts.itemsTotal > 0
        ? Math.min(1, counts.itemsDone / counts.itemsTotal)
        : undefined;
  const remaining =
    counts.bytesTotal === undefined
      ? undefined
      : counts.bytesTotal - counts.bytesDone;
  const etaSeconds =
    remaining !== undefined && rate > 0
      ? Math.max(0, remaining / rate)
      : undefined;
  return { ...counts, rate, etaSeconds, fraction };
}

export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const mmss = `${hours > 0 ? String(minutes).padStart(2, '0') : minutes}:${String(secs).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** "11.7 MiB/25.8 MiB · 120/300 items · 3.05 MiB/s · ETA 0:05" */
export function describeProgress(
  progress: ProgressSnapshot,
  /** The console's dot (its glyph set follows --ascii). */
  separator: string,
): string {
  const parts: string[] = [];
  if (progress.bytesTotal !== undefined || progress.bytesDone > 0) {
    const total =
      progress.bytesTotal === undefined
        ? ''
        : `/${formatBytes(progress.bytesTotal)}`;
    parts.push(`${formatBytes(progress.bytesDone)}${total}`);
  }
  const itemsTotal =
    progress.itemsTotal === undefined ? '' : `/${progress.itemsTotal}`;
  parts.push(`${progress.itemsDone}${itemsTotal} items`);
  if (progress.rate > 0) parts.push(`${formatBytes(progress.rate)}/s`);
  if (progress.etaSeconds !== undefined)
    parts.push(`ETA ${formatDuration(progress.etaSeconds)}`);
  return parts.join(separator);
}
