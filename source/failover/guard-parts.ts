/** Small parts of the guard loop: its pause, how a check is said, which verdicts are kept. */
import type { CheckOutcome } from './health-check.js';
import type { HistoryEntry } from './history.js';

/** Resolves after `ms`, or at once when the signal aborts. */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

/** An instance without an address to check counts as failing. */
export const FAILED: CheckOutcome = {
  ok: false,
  at: 0,
  millis: 0,
  detail: 'no address',
};

/** "ok 3 ms" or "failed ECONNREFUSED". */
export const said = (outcome: CheckOutcome) =>
  outcome.ok ? `ok ${String(outcome.millis)} ms` : `failed ${outcome.detail}`;

type Verdict = Omit<HistoryEntry, 'at' | 'pair' | 'source'>;

/**
 * Writes a verdict only when it differs from the last one written (numbers
 * aside: "1 of 3" and "2 of 3" are one episode); every switch is written.
 */
export function verdictRecorder(
  write: (entry: Verdict) => Promise<void>,
): (entry: Verdict) => Promise<void> {
  let lastKey = '';
  return async (entry) => {
    const key = `${entry.kind}:${entry.reason.replace(/\d+/g, '#')}`;
    if (entry.kind !== 'switch' && key === lastKey) return;
    lastKey = key;
    await write(entry);
  };
}
