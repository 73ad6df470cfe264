import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInFlight } from '../../../source/jobs/in-flight.js';
import { createListLoader } from '../../../source/table/list-loader.js';
import type { ListLoaderOptions } from '../../../source/table/list-loader-types.js';
import type { Page } from '../../../source/lib/view-types.js';

interface Row {
  readonly id: string;
  readonly state: string;
}

/** A service whose answers the test releases one at a time. */
function controlledService() {
  const calls: {
    cursor: string | undefined;
    resolve(page: Page<Row>): void;
    reject(error: Error): void;
    signal: AbortSignal;
  }[] = [];
  const load: ListLoaderOptions<Row>['load'] = (cursor, signal) =>
    new Promise((resolve, reject) => {
      calls.push({ cursor, resolve, reject, signal });
    });
  return { calls, load };
}

const rows = (...ids: string[]): Row[] =>
  ids.map((id) => ({ id, state: 'running' }));
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('list loader', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the rows array when a refresh brings the same row objects', async () => {
    const service = controlledService();
    const loader = createListLoader({
      load: service.load,
      refresh: { fast: 0, slow: 0 },
    });
    const [a, b] = rows('a', 'b');
    loader.start();
    service.calls[0]?.resolve({ rows: [a, b] as Row[] });
    await settle();
    const shown = loader.getSnapshot().rows;
    loader.refresh();
    service.calls[1]?.resolve({ rows: [a, b] as Row[] });
    await settle();
    expect(loader.getSnapshot().rows).toBe(shown);
    // An equal but new object is a change: the array is new.
    loader.refresh();
    service.calls[2]?.resolve({ rows: [a, { ...b }] as Row[] });
    await settle();
    expect(loader.getSnapshot().rows).not.toBe(shown);
    expect(loader.getSnapshot().rows).toEqual(shown);
  });

  it('shows the first page before the rest, and loads more on demand', async () => {
    const service = controlledService();
    const loader = createListLoader({
      load: service.load,
      refresh: { fast: 0, slow: 0 },
    });
    loader.start();
    expect(loader.getSnapshot().status).toBe('loading');
    service.calls[0]?.resolve({ rows: rows('a', 'b'), next: 'page2' });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({
      status: 'ready',
      hasMore: true,
      rows: rows('a', 'b'),
    });
    loader.loadMore();
    expect(loader.getSnapshot().loadingMore).toBe(true);
    expect(service.calls[1]?.cursor).toBe('page2');
    service.calls[1]?.resolve({ rows: rows('c') });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({
      hasMore: false,
      rows: rows('a', 'b', 'c'),
    });
  });

  it('never runs two fetches at once; a refresh asked for meanwhile runs after', async () => {
    const service = controlledService();
    const loader = createListLoader({
      load: service.load,
      refresh: { fast: 0, slow: 0 },
    });
    loader.start();
    loader.refresh();
    loader.refresh();
    expect(service.calls).toHaveLength(1);
    service.calls[0]?.resolve({ rows: rows('a') });
    await settle();
    expect(service.calls).toHaveLength(2);
    service.calls[1]?.resolve({ rows: rows('a', 'b') });
    await settle();
    expect(service.calls).toHaveLength(2);
    expect(loader.getSnapshot().rows).toEqual(rows('a', 'b'));
  });

  it('keeps the last good rows when a refresh fails, and reports the error', async () => {
    const service = controlledService();
    const errors: string[] = [];
    const loader = createListLoader({
      load: service.load,
      refresh: { fast: 0, slow: 0 },
      onError: (message) => errors.push(message),
    });
    loader.start();
    service.calls[0]?.resolve({ rows: rows('a') });
    await settle();
    loader.refresh();
    service.calls[1]?.reject(new Error('throttled'));
    await settle();
    expect(loader.getSnapshot()).toMatchObject({
      status: 'ready',
      rows: rows('a'),
      error: 'throttled',
    });
    expect(errors).toEqual(['throttled']);
  });

  it('refreshes as many pages as were loaded, so a refresh never shrinks the list', async () => {
    const service = controlledService();
    const loader = createListLoader({
      load: service.load,
      refresh: { fast: 0, slow: 0 },
    });
    loader.start();
    service.calls[0]?.resolve({ rows: rows('a'), next: '2' });
    await settle();
    loader.loadMore();
    service.calls[1]?.resolve({ rows: rows('b'), next: '3' });
    await settle();
    loader.refresh();
    service.calls[2]?.resolve({ rows: rows('a'), next: '2' });
    await settle();
    expect(service.calls[3]?.cursor).toBe('2');
    service.calls[3]?.resolve({ rows: rows('b2'), next: '3' });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({
      rows: rows('a', 'b2'),
      hasMore: true,
    });
  });

  it('polls fast while a row is transitional and slowly otherwise', async () => {
    vi.useFakeTimers();
    let state = 'pending';
    const load = vi.fn(() => Promise.resolve({ rows: [{ id: 'i-1', state }] }));
    const loader = createListLoader<Row>({
      load,
      transitional: (row) => row.state === 'pending',
      refresh: { fast: 2, slow: 60 },
    });
    loader.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(load).toHaveBeenCalledTimes(2);
    state = 'running';
    await vi.advanceTimersByTimeAsync(2000);
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(load).toHaveBeenCalledTimes(4);
    loader.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('does not poll at all when refresh is 0', async () => {
    vi.useFakeTimers();
    const load = vi.fn(() => Promise.resolve({ rows: rows('a') }));
    const loader = createListLoader<Row>({
      load,
      refresh: { fast: 0, slow: 0 },
    });
    loader.start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('aborts the fetch in flight on stop and through the in-flight registry', () => {
    const service = controlledService();
    const inFlight = createInFlight();
    const loader = createListLoader({
      load: service.load,
      refresh: { fast: 0, slow: 0 },
      inFlight,
    });
    loader.start();
    expect(inFlight.count()).toBe(1);
    expect(inFlight.cancelAll()).toBe(1);
    expect(service.calls[0]?.signal.aborted).toBe(true);
    loader.stop();
  });

  it('reloads with a new load when what is listed changes, dropping the stale answer', async () => {
    const old = controlledService();
    const errors: string[] = [];
    const loader = createListLoader({
      load: old.load,
      refresh: { fast: 0, slow: 0 },
      onError: (message) => errors.push(message),
    });
    loader.start();
    old.calls[0]?.resolve({ rows: rows('a') });
    await settle();
    loader.refresh();
    const fresh = controlledService();
    loader.reload(fresh.load);
    expect(old.calls[1]?.signal.aborted).toBe(true);
    // Even a load that ignores its signal does not publish after it was dropped.
    old.calls[1]?.resolve({ rows: rows('stale') });
    await settle();
    expect(loader.getSnapshot().rows).toEqual(rows('a'));
    expect(fresh.calls).toHaveLength(1);
    fresh.calls[0]?.resolve({ rows: rows('x', 'y') });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({
      status: 'ready',
      rows: rows('x', 'y'),
    });
    expect(loader.getSnapshot().error).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('pages one page at a time with goTo, keeping the last good page on error', async () => {
    const calls: {
      cursor: number | undefined;
      resolve(page: { rows: Row[] }): void;
      reject(error: Error): void;
    }[] = [];
    const errors: string[] = [];
    const loader = createListLoader<Row, number>({
      load: (cursor) =>
        new Promise((resolve, reject) => {
          calls.push({ cursor, resolve, reject });
        }),
      refresh: { fast: 0, slow: 0 },
      onError: (message) => errors.push(message),
    });
    loader.start();
    calls[0]?.resolve({ rows: rows('p1') });
    await settle();
    expect(loader.getSnapshot().at).toBeUndefined();
    loader.goTo(2);
    expect(loader.getSnapshot().refreshing).toBe(true);
    calls[1]?.resolve({ rows: rows('p2') });
    await settle();
    expect(calls[1]?.cursor).toBe(2);
    expect(loader.getSnapshot()).toMatchObject({ rows: rows('p2'), at: 2 });
    loader.goTo(3);
    calls[2]?.reject(new Error('gone'));
    await settle();
    expect(loader.getSnapshot()).toMatchObject({
      rows: rows('p2'),
      at: 2,
      error: 'gone',
    });
    expect(errors).toEqual(['gone']);
    // A refresh goes back to the start.
    loader.refresh();
    expect(calls[3]?.cursor).toBeUndefined();
    calls[3]?.resolve({ rows: rows('p1') });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({ rows: rows('p1') });
    expect(loader.getSnapshot().at).toBeUndefined();
  });

  it('lets the latest goTo win over the fetch in flight', async () => {
    const calls: {
      cursor: number | undefined;
      signal: AbortSignal;
      resolve(page: { rows: Row[] }): void;
    }[] = [];
    const loader = createListLoader<Row, number>({
      load: (cursor, signal) =>
        new Promise((resolve, reject) => {
          calls.push({ cursor, signal, resolve });
          signal.addEventListener(
            'abort',
            () => reject(new DOMException('aborted', 'AbortError')),
            { once: true },
          );
        }),
      refresh: { fast: 0, slow: 0 },
    });
    loader.start();
    calls[0]?.resolve({ rows: rows('p1') });
    await settle();
    loader.goTo(2);
    loader.goTo(9);
    expect(calls[1]?.signal.aborted).toBe(true);
    await settle();
    expect(calls.map((call) => call.cursor)).toEqual([undefined, 2, 9]);
    expect(loader.getSnapshot()).toMatchObject({
      rows: rows('p1'),
      refreshing: true,
    });
    expect(loader.getSnapshot().error).toBeUndefined();
    calls[2]?.resolve({ rows: rows('p9') });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({ rows: rows('p9'), at: 9 });
  });
});
