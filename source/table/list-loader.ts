/**
 * Loads a paged list for a pane and keeps it fresh, outside React:
 * - the first page is published as soon as it arrives; more pages on demand;
 * - or, as a pager, one page at a time: goTo shows the page at a cursor;
 * - polling is fast while a row is transitional, slow otherwise, off at 0;
 * - fetches never overlap; a refresh asked for during one runs after it,
 *   while a reload or goTo drops the fetch in flight (its answer is stale);
 * - on error the last good rows stay and the error is reported.
 */
import { describeError, isAbortError } from '../lib/errors.js';
import { createStore } from '../lib/store.js';
import type {
  ListLoader,
  ListLoaderOptions,
  ListSnapshot,
} from './list-loader-types.js';

type Work<Cursor> =
  | { readonly kind: 'refresh' }
  | { readonly kind: 'more' }
  | { readonly kind: 'goto'; readonly cursor: Cursor };

export function createListLoader<Row, Cursor = string>(
  options: ListLoaderOptions<Row, Cursor>,
): ListLoader<Row, Cursor> {
  type Snapshot = ListSnapshot<Row, Cursor>;
  const now = options.now ?? Date.now;
  const store = createStore<Snapshot>({
    status: 'loading',
    rows: [],
    hasMore: false,
    loadingMore: false,
    refreshing: false,
  });
  let pages: { rows: readonly Row[]; next?: Cursor | undefined }[] = [];
  let busy = false;
  let pending: Work<Cursor> | undefined;
  // The fetch in flight was aborted because newer work replaces it.
  let superseded = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let load = options.load;

  const publish = (change: Partial<Snapshot>) =>
    store.update((snapshot) => ({ ...snapshot, ...change }));

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    const changing =
      options.transitional !== undefined &&
      store.getSnapshot().rows.some(options.transitional);
    const seconds = changing ? options.refresh.fast : options.refresh.slow;
    if (seconds > 0)
      timer = setTimeout(() => void run({ kind: 'refresh' }), seconds * 1000);
  };

  async function fetchPage(cursor: Cursor | undefined) {
    const own = new AbortController();
    controller = own;
    const untrack = options.inFlight?.track(own);
    try {
      const page = await load(cursor, own.signal);
      // A load that ignores its signal must not publish what was dropped.
      own.signal.throwIfAborted();
      return page;
    } finally {
      untrack?.();
    }
  }

  /** As many pages as are shown, from the start: a refresh never shrinks the view. */
  async function loadFromStart(): Promise<void> {
    const wanted = Math.max(1, pages.length);
    const fresh: typeof pages = [];
    let cursor: Cursor | undefined;
    let note: string | undefined;
    do {
      const page = await fetchPage(cursor);
      if (stopped) return;
      note ??= page.note;
      fresh.push({ rows: page.rows, next: page.next });
      cursor = page.next;
      if (fresh.length === 1 && pages.length === 0) {
        // First page of the first load: show it now.
        pages = fresh.slice();
        publishPages({ note, at: undefined });
      }
    } while (cursor !== undefined && fresh.length < wanted);
    pages = fresh;
    publishPages({ note, at: undefined });
  }

  async function run(work: Work<Cursor>): Promise<void> {
    if (stopped) return;
    if (busy) {
      if (work.kind !== 'more') pending = work;
      return;
    }
    busy = true;
    if (timer) clearTimeout(timer);
    try {
      if (work.kind === 'more') {
        const cursor = pages.at(-1)?.next;
        if (cursor === undefined) return;
        publish({ loadingMore: true });
        const page = await fetchPage(cursor);
        if (stopped) return;
        pages = [...pages, { rows: page.rows, next: page.next }];
        publishPages({});
        return;
      }
      publish({ refreshing: store.getSnapshot().status !== 'loading' });
      if (work.kind === 'refresh') {
        await loadFromStart();
        return;
      }
      const page = await fetchPage(work.cursor);
      if (stopped) return;
      pages = [{ rows: page.rows, next: page.next }];
      publishPages({ note: page.note, at: work.cursor });
    } catch (error) {
      // Dropped for newer work, which publishes its own state.
      if (superseded && !stopped) return;
      const message =
        stopped || isAbortError(error) ? undefined : describeError(error);
      const shown = pages.length > 0;
      publish({
        status: shown ? 'ready' : 'error',
        // Cancelled: the rows shown keep the error they had.
        error: message ?? (shown ? store.getSnapshot().error : 'cancelled'),
        loadingMore: false,
        refreshing: false,
      });
      if (message !== undefined) options.onError?.(message);
    } finally {
      busy = false;
      superseded = false;
      controller = undefined;
      if (!stopped) {
        const next = pending;
        pending = undefined;
        if (next) void run(next);
        else schedule();
      }
    }
  }

  /** Runs `work` now, or in place of the fetch in flight. */
  function replace(work: Work<Cursor>) {
    if (stopped) return;
    if (!busy) return void run(work);
    pending = work;
    superseded = true;
    controller?.abort();
  }

  function publishPages(extra: Partial<Snapshot>) {
    const rows = pages.flatMap((page) => page.rows);
    const shown = store.getSnapshot().rows;
    // The same rows as shown (a service that keeps unchanged row objects):
    // the same array, so nothing derived from it is computed again.
    const unchanged =
      rows.length === shown.length &&
      rows.every((row, index) => row === shown[index]);
    publish({
      status: 'ready',
      rows: unchanged ? shown : rows,
      hasMore: pages.at(-1)?.next !== undefined,
      loadingMore: false,
      refreshing: false,
      error: undefined,
      updatedAt: now(),
      ...extra,
    });
  }

  return {
    start: () => void run({ kind: 'refresh' }),
    refresh: () => void run({ kind: 'refresh' }),
    reload(next) {
      if (next) load = next;
      replace({ kind: 'refresh' });
    },
    loadMore: () => void run({ kind: 'more' }),
    goTo: (cursor) => replace({ kind: 'goto', cursor }),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    },
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
  };
}
