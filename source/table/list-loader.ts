/**
 * Loads a paged list for a pane and keeps it fresh, outside React:
 * - the first page is published as soon as it arrives; more pages on demand;
 * - polling is fast while a row is transitional, slow otherwise, off at 0;
 * - fetches never overlap; a refresh asked for during one runs after it;
 * - on error the last good rows stay and the error is reported.
 */
import { describeError, isAbortError } from '../lib/errors.js';
import type { InFlight } from '../jobs/in-flight.js';
import type { Page } from '../lib/view-types.js';
import { createStore } from '../lib/store.js';

export interface ListSnapshot<Row> {
  readonly status: 'loading' | 'ready' | 'error';
  readonly rows: readonly Row[];
  /** More pages exist; the list is partial. */
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly refreshing: boolean;
  readonly note?: string | undefined;
  /** The last fetch failed; rows are from the one before. */
  readonly error?: string | undefined;
  readonly updatedAt?: number | undefined;
}

export interface ListLoaderOptions<Row> {
  readonly load: (
    cursor: string | undefined,
    signal: AbortSignal,
  ) => Promise<Page<Row>>;
  transitional?: (row: Row) => boolean;
  /** Seconds; 0 turns that polling off. */
  readonly refresh: { readonly fast: number; readonly slow: number };
  readonly inFlight?: InFlight;
  onError?: (message: string) => void;
  now?: () => number;
}

export interface ListLoader<Row> {
  readonly start: () => void;
  readonly refresh: () => void;
  readonly loadMore: () => void;
  readonly stop: () => void;
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => ListSnapshot<Row>;
}

export function createListLoader<Row>(
  options: ListLoaderOptions<Row>,
): ListLoader<Row> {
  const now = options.now ?? Date.now;
  const store = createStore<ListSnapshot<Row>>({
    status: 'loading',
    rows: [],
    hasMore: false,
    loadingMore: false,
    refreshing: false,
  });
  let pages: { rows: readonly Row[]; next?: string | undefined }[] = [];
  let busy = false;
  let pendingRefresh = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const publish = (change: Partial<ListSnapshot<Row>>) =>
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
      timer = setTimeout(() => void run('refresh'), seconds * 1000);
  };

  async function fetchPage(cursor: string | undefined): Promise<Page<Row>> {
    controller = new AbortController();
    const untrack = options.inFlight?.track(controller);
    try {
      return await options.load(cursor, controller.signal);
    } finally {
      untrack?.();
    }
  }

  async function run(kind: 'refresh' | 'more'): Promise<void> {
    if (stopped) return;
    if (busy) {
      if (kind === 'refresh') pendingRefresh = true;
      return;
    }
    busy = true;
    if (timer) clearTimeout(timer);
    try {
      if (kind === 'more') {
        const cursor = pages.at(-1)?.next;
        if (cursor === undefined) return;
        publish({ loadingMore: true });
        const page = await fetchPage(cursor);
        if (stopped) return;
        pages = [...pages, { rows: page.rows, next: page.next }];
      } else {
        publish({ refreshing: store.getSnapshot().status !== 'loading' });
        // Reload as many pages as the user had, so a refresh never shrinks the view.
        const wanted = Math.max(1, pages.length);
        const fresh: typeof pages = [];
        let cursor: string | undefined;
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
            publishPages({ note });
          }
        } while (cursor !== undefined && fresh.length < wanted);
        pages = fresh;
        publishPages({ note });
        return;
      }
      publishPages({});
    } catch (error) {
      if (stopped || isAbortError(error)) {
        publish({
          loadingMore: false,
          refreshing: false,
          status: pages.length > 0 ? 'ready' : 'error',
          error: pages.length > 0 ? store.getSnapshot().error : 'cancelled',
        });
        return;
      }
      const message = describeError(error);
      publish({
        status: pages.length > 0 ? 'ready' : 'error',
        error: message,
        loadingMore: false,
        refreshing: false,
      });
      options.onError?.(message);
    } finally {
      busy = false;
      controller = undefined;
      if (!stopped) {
        if (pendingRefresh) {
          pendingRefresh = false;
          void run('refresh');
        } else {
          schedule();
        }
      }
    }
  }

  function publishPages(extra: Partial<ListSnapshot<Row>>) {
    publish({
      status: 'ready',
      rows: pages.flatMap((page) => page.rows),
      hasMore: pages.at(-1)?.next !== undefined,
      loadingMore: false,
      refreshing: false,
      error: undefined,
      updatedAt: now(),
      ...extra,
    });
  }

  return {
    start: () => void run('refresh'),
    refresh: () => void run('refresh'),
    loadMore: () => void run('more'),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    },
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
  };
}
