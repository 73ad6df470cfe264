/**
 * Long-running work (sync, get, rb --force, snapshot copy, dump) runs as a
 * job: progress events, cancellation by AbortSignal, an outcome. The runner is
 * an external store; progress notifications are batched so a fast transfer
 * cannot flood the renderer.
 */
import { describeError, isAbortError } from '../lib/errors.js';
import {
  rateFrom,
  snapshot,
  type ProgressCounts,
  type ProgressSnapshot,
  type RateSample,
} from './progress.js';
import { createStore } from '../lib/store.js';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  readonly id: number;
  readonly title: string;
  readonly state: JobState;
  readonly progress: ProgressSnapshot;
  readonly error?: string | undefined;
  readonly startedAt: number;
  readonly endedAt?: number | undefined;
}

export interface JobContext {
  readonly signal: AbortSignal;
  /** Absolute counts so far; totals may arrive later than the first report. */
  readonly report: (counts: Partial<ProgressCounts>) => void;
}

export interface JobHandle<T> {
  readonly id: number;
  readonly result: Promise<T>;
  readonly cancel: () => void;
}

export interface JobRunner {
  start<T>(
    title: string,
    work: (context: JobContext) => Promise<T>,
  ): JobHandle<T>;
  readonly cancel: (id: number) => boolean;
  /** Cancels every running job; returns how many were running. */
  readonly cancelAll: () => number;
  readonly running: () => number;
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => readonly JobView[];
  /** Drops finished jobs from the list. */
  readonly clearFinished: () => void;
}

export function createJobRunner(
  options: { now?: () => number; batchMs?: number } = {},
): JobRunner {
  const now = options.now ?? Date.now;
  const batchMs = options.batchMs ?? 50;
  const controllers = new Map<number, AbortController>();
  const store = createStore<readonly JobView[]>([]);
  let nextId = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    store.notify();
  };
  const emitSoon = () => {
    timer ??= setTimeout(emit, batchMs);
  };
  const update = (
    id: number,
    change: (job: JobView) => JobView,
    immediate: boolean,
  ) => {
    store.setQuietly(
      store.getSnapshot().map((job) => (job.id === id ? change(job) : job)),
    );
    if (immediate) emit();
    else emitSoon();
  };

  const runner: JobRunner = {
    start(title, work) {
      const id = nextId++;
      const controller = new AbortController();
      controllers.set(id, controller);
      const samples: RateSample[] = [];
      let counts: ProgressCounts = { bytesDone: 0, itemsDone: 0 };
      store.setQuietly([
        ...store.getSnapshot(),
        {
          id,
          title,
          state: 'running',
          progress: snapshot(counts, 0),
          startedAt: now(),
        },
      ]);
      emit();

      const context: JobContext = {
        signal: controller.signal,
        report(next) {
          counts = { ...counts, ...next };
          samples.push({ at: now(), bytes: counts.bytesDone });
          if (samples.length > 200) samples.splice(0, samples.length - 200);
          const progress = snapshot(counts, rateFrom(samples));
          update(id, (job) => ({ ...job, progress }), false);
        },
      };
      const finish = (state: JobState, error?: string) => {
        controllers.delete(id);
        update(id, (job) => ({ ...job, state, error, endedAt: now() }), true);
      };
      const result = Promise.resolve()
        .then(() => {
          // Cancelled before it started: the work would never see the abort event.
          controller.signal.throwIfAborted();
          return work(context);
        })
        .then(
          (value) => {
            finish(controller.signal.aborted ? 'cancelled' : 'done');
            return value;
          },
          (error: unknown) => {
            if (controller.signal.aborted || isAbortError(error))
              finish('cancelled');
            else finish('failed', describeError(error));
            throw error;
          },
        );
      // The outcome is in the job's state; a caller that never awaits the
      // result must not turn a failed job into an unhandled rejection.
      result.catch(() => undefined);
      return { id, result, cancel: () => runner.cancel(id) };
    },
    cancel(id) {
      const controller = controllers.get(id);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    cancelAll() {
      const count = controllers.size;
      for (const controller of controllers.values()) controller.abort();
      return count;
    },
    running: () => controllers.size,
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    clearFinished() {
      store.setQuietly(
        store.getSnapshot().filter((job) => job.state === 'running'),
      );
      emit();
    },
  };
  return runner;
}
