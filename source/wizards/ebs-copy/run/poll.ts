/**
 * Waiting for EC2 with live progress and a deadline. The SDK's waiters have
 * no default timeout and no progress, so the wizard polls itself: one
 * Describe per round, the state and percentage reported each time, and a
 * UserError that says how to resume when the deadline passes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../../../lib/errors.js';

export interface PollSettings {
  /** Between Describe calls; EC2's own waiters use 15 s. */
  readonly intervalMs: number;
  /** The longest one wait may take. */
  readonly timeoutMs: number;
}

export interface PollRound {
  readonly state: string;
  readonly percent?: number | undefined;
  readonly detail?: string;
  /** Finished successfully. */
  readonly done: boolean;
  /** Finished and failed: the reason. */
  readonly failure?: string | undefined;
}

export const DEFAULT_POLL: PollSettings = {
  intervalMs: 15_000,
  timeoutMs: 6 * 60 * 60 * 1000,
};

/** "45%" -> 45; undefined when EC2 says nothing usable. */
export function parsePercent(progress: string | undefined): number | undefined {
  const match = /^(\d{1,3})(?:\.\d+)?%?$/.exec(progress?.trim() ?? '');
  return match === null ? undefined : Math.min(100, Number(match[1]));
}

export async function pollUntil(options: {
  readonly what: string;
  readonly settings: PollSettings;
  readonly signal: AbortSignal;
  readonly round: () => Promise<PollRound>;
  readonly onRound: (round: PollRound) => void;
  readonly resumeHint: string;
  readonly now?: () => number;
}): Promise<PollRound> {
  const now = options.now ?? Date.now;
  const deadline = now() + options.settings.timeoutMs;
  for (;;) {
    options.signal.throwIfAborted();
    const round = await options.round();
    options.onRound(round);
    if (round.failure !== undefined)
      throw new UserError(`${options.what} failed: ${round.failure}`);
    if (round.done) return round;
    const left = deadline - now();
    if (left <= 0) {
      const minutes = Math.round(options.settings.timeoutMs / 60_000);
      throw new UserError(
        `${options.what} is still ${round.state}${round.percent === undefined ? '' : ` at ${round.percent}%`} after ${minutes < 1 ? `${options.settings.timeoutMs} ms` : `${minutes} min`}`,
        { hint: `it goes on in AWS; ${options.resumeHint}` },
      );
    }
    await sleep(Math.min(options.settings.intervalMs, left), undefined, {
      signal: options.signal,
    });
  }
}
