/**
 * The console's side of the instance-page worker (page-worker.ts): started on
 * the first page asked for, one per console, never keeping the process alive.
 * A worker that cannot start or dies makes `available()` false; the service
 * then fetches on this thread as before, so the worker only ever saves time.
 */
import { Worker } from 'node:worker_threads';
import { fileBesideBundle } from '../../../lib/beside-bundle.js';
import type { InstanceRow } from '../types.js';
import { createKnownRows } from './known-rows.js';
import type { FromWorker, PageRequest, ToWorker } from './wire.js';

/** A page's rows, or undefined when the worker left it to the SDK. */
type PageAnswer =
  { rows: readonly InstanceRow[]; next: string | undefined } | undefined;

export interface InstancePageThread {
  /** False once the worker failed: fetch on the calling thread instead. */
  readonly available: () => boolean;
  readonly fetch: (
    request: PageRequest,
    signal: AbortSignal,
  ) => Promise<PageAnswer>;
  readonly close: () => void;
}

/** The built worker beside the bundle (dist/), or undefined when running from source. */
export function builtWorkerPath(): string | undefined {
  return fileBesideBundle('ec2-page-worker.js', import.meta.url);
}

interface Pending {
  readonly resolve: (page: PageAnswer) => void;
  readonly reject: (error: Error) => void;
}

const cancelled = () =>
  Object.assign(new Error('Request aborted'), { name: 'AbortError' });

export function createInstancePageThread(
  script: string | undefined,
): InstancePageThread {
  let worker: Worker | undefined;
  let broken = script === undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const known = createKnownRows();

  /** The worker is gone: the pages it held go to the SDK. */
  const fail = () => {
    broken = true;
    worker = undefined;
    for (const call of pending.values()) call.resolve(undefined);
    pending.clear();
  };

  function started(): Worker {
    if (worker !== undefined) return worker;
    const created = new Worker(script ?? '', {
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    created.unref();
    created.on('message', (message: FromWorker) => {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.kind === 'rows') {
        const rows = known.take(message);
        if (rows === undefined) {
          // Out of step with the worker (cannot happen): stop using it.
          call?.resolve(undefined);
          void created.terminate();
          return fail();
        }
        call?.resolve({ rows, next: message.next });
      } else if (message.kind === 'declined') call?.resolve(undefined);
      else call?.reject(cancelled());
    });
    created.on('error', fail);
    created.on('exit', () => {
      if (worker === created) fail();
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
      } catch {
        fail();
        return Promise.resolve(undefined);
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
        thread.postMessage({ kind: 'page', id, request } satisfies ToWorker);
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
