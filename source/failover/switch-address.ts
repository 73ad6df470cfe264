/**
 * A switch, timed: the AssociateAddress call (one step, AllowReassociation),
 * then, when a check is known, the same check through the EIP until it
 * passes on the new instance. The time reported is from the call to that
 * first passing check: what the clients of the address see.
 */
import {
  runCheck,
  type CheckOutcome,
  type CheckSpec,
  type CheckTarget,
} from './health-check.js';

export interface SwitchTiming {
  readonly callMillis: number;
  /** Undefined when no check was given or it never passed within the limit. */
  readonly answeredMillis: number | undefined;
  /** The last check's detail when it never passed. */
  readonly lastDetail?: string;
}

export interface AnswerWatch {
  readonly spec: CheckSpec;
  readonly target: CheckTarget;
  readonly timeoutMs: number;
  /** Longest wait for the first pass. */
  readonly limitMs: number;
  readonly pauseMs?: number;
}

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export async function timedSwitch(
  move: () => Promise<unknown>,
  watch: AnswerWatch | undefined,
  signal?: AbortSignal,
  check: typeof runCheck = runCheck,
): Promise<SwitchTiming> {
  const started = performance.now();
  await move();
  const callMillis = Math.round(performance.now() - started);
  if (!watch) return { callMillis, answeredMillis: undefined };
  let last: CheckOutcome | undefined;
  while (performance.now() - started < watch.limitMs && !signal?.aborted) {
    last = await check(watch.spec, watch.target, watch.timeoutMs);
    if (last.ok)
      return {
        callMillis,
        answeredMillis: Math.round(performance.now() - started),
      };
    await pause(watch.pauseMs ?? 500, signal);
  }
  return {
    callMillis,
    answeredMillis: undefined,
    ...(last ? { lastDetail: last.detail } : {}),
  };
}

/** "420 ms" under a second, "2.6 s" above. */
export function formatDuration(millis: number): string {
  return millis < 1000
    ? `${String(Math.round(millis))} ms`
    : `${(millis / 1000).toFixed(1)} s`;
}

export function describeTiming(timing: SwitchTiming, limitMs: number): string {
  const call = `the call took ${String(timing.callMillis)} ms`;
  if (timing.answeredMillis !== undefined)
    return `${call}; the EIP answered the check on the new instance after ${formatDuration(timing.answeredMillis)}`;
  if (timing.lastDetail !== undefined)
    return `${call}; the EIP did not pass the check within ${String(Math.round(limitMs / 1000))} s (last: ${timing.lastDetail})`;
  return call;
}
