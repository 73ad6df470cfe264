/**
 * A counting semaphore for bounded concurrency (files, parts, delete
 * batches). Small enough to own; p-limit is not a direct dependency.
 */
export interface Limiter {
  /** Runs `task` when a slot is free. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves when a slot is free, for producers that must not run ahead. */
  readonly vacancy: () => Promise<void>;
  readonly active: () => number;
}

export function createLimiter(size: number): Limiter {
  const limit = Math.max(1, Math.floor(size));
  let active = 0;
  const waiting: (() => void)[] = [];
  const vacancyWaiters: (() => void)[] = [];

  const release = () => {
    active--;
    const next = waiting.shift();
    if (next) {
      active++;
      next();
    } else {
      for (const waiter of vacancyWaiters.splice(0)) waiter();
    }
  };

  return {
    async run(task) {
      if (active < limit && waiting.length === 0) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    vacancy: () =>
      active < limit && waiting.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => vacancyWaiters.push(resolve)),
    active: () => active,
  };
}

/** Waits `ms`, or rejects when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
