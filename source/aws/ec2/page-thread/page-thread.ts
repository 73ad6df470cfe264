/**
 * The console's side of the instance-page worker (page-worker.ts): started on
 * the first page asked for, one per console, never keeping the process alive.
 * A worker that cannot start or dies makes `available()` false; the service
 * then fetches on this thread as before, so the worker only ever saves time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InstanceRow } from '../types.js';
import {
  fromWireError,
  type FromWorker,
  type PageRequest,
  type ToWorker,
} from './wire.js';

export interface InstancePageThread {
  /** False once the worker failed: fetch on the calling thread instead. */
  readonly available: () => boolean;
  readonly fetch: (
    request: PageRequest,
    signal: AbortSignal,
  ) => Promise<{ rows: readonly InstanceRow[]; next: string | undefined }>;
  readonly close: () => void;
}

/** The built worker beside the bundle (dist/), or undefined when running from source. */
export function builtWorkerPath(
  name = 'ec2-page-worker.js',
): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return [join(here, name), join(here, '..', name)].find((path) =>
    existsSync(path),
  );
}

/** The worker failed or stopped: the page is fetched on the calling thread. */
export class PageThreadStopped extends Error {
  override readonly name = 'PageThreadStopped';
}

interface Pending {
  readonly resolve: (page: {
    rows: readonly InstanceRow[];
    next: string | undefined;
  }) => void;
  readonly reject: (error: Error) => void;
}

export function createInstancePageThread(
  script: string | undefined,
  onWarning: (text: string) => void = () => undefined,
): InstancePageThread {
  let worker: Worker | undefined;
  let broken = script === undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fail = (cause: unknown) => {
    const error = new PageThreadStopped(
      `the instance-page worker stopped: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    broken = true;
    worker = undefined;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    return error;
  };

  function started(): Worker {
    if (worker !== undefined) return worker;
    const created = new Worker(script ?? '', {
      // Parsing is garbage-heavy: a roomy young generation of its own keeps
      // it from promoting into the old one (this thread's is kept small).
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
    });
    created.unref();
    created.on('message', (message: FromWorker) => {
      if (message.kind === 'warn') return onWarning(message.text);
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.kind === 'rows')
        call?.resolve({ rows: message.rows, next: message.next });
      else call?.reject(fromWireError(message.error));
    });
    created.on('error', fail);
    created.on('exit', (code) => {
      if (worker === created) fail(new Error(`exit code ${code}`));
    });
    worker = created;
    return created;
  }

  return {
    available: () => !broken,
    fetch(request, signal) {
      signal.throwIfAborted();
      let thread: Worker;
      try {
        thread = started();
      } catch (error) {
        return Promise.reject(fail(error));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const cancel = () =>
          thread.postMessage({ kind: 'cancel', id } satisfies ToWorker);
        signal.addEventListener('abort', cancel, { once: true });
        const done = () => signal.removeEventListener('abort', cancel);
        pending.set(id, {
          resolve: (page) => (done(), resolve(page)),
          reject: (error) => (done(), reject(error)),
        });
        try {
          thread.postMessage({ kind: 'page', id, request } satisfies ToWorker);
        } catch (error) {
          pending.delete(id);
          done();
          throw error;
        }
      });
    },
    close() {
      broken = true;
      const stopping = worker;
      worker = undefined;
      void stopping?.terminate();
    },
  };
}
