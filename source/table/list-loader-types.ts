/** What a list loader takes and gives (list-loader.ts): plain types. */
import type { InFlight } from '../jobs/in-flight.js';

/** A page as the loader takes it; `Page<Row>` from lib/view-types when cursors are strings. */
export interface LoaderPage<Row, Cursor = string> {
  readonly rows: readonly Row[];
  /** Present when there is more to load. */
  readonly next?: Cursor | undefined;
  readonly note?: string | undefined;
}

export interface ListSnapshot<Row, Cursor = string> {
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
  /** The cursor goTo showed; undefined when the rows are from the start. */
  readonly at?: Cursor | undefined;
}

export interface ListLoaderOptions<Row, Cursor = string> {
  readonly load: (
    cursor: Cursor | undefined,
    signal: AbortSignal,
  ) => Promise<LoaderPage<Row, Cursor>>;
  transitional?: (row: Row) => boolean;
  /** Seconds; 0 turns that polling off. */
  readonly refresh: { readonly fast: number; readonly slow: number };
  readonly inFlight?: InFlight;
  onError?: (message: string) => void;
  now?: () => number;
}

export interface ListLoader<Row, Cursor = string> {
  readonly start: () => void;
  /** Loads from the start again, as many pages as are shown (a pager: its first page). */
  readonly refresh: () => void;
  /**
   * What is listed changed: drops the fetch in flight and loads from the
   * start, with `load` in place of the one before when it is given.
   */
  readonly reload: (load?: ListLoaderOptions<Row, Cursor>['load']) => void;
  readonly loadMore: () => void;
  /** A pager's move: the one page at `cursor` replaces the rows shown. */
  readonly goTo: (cursor: Cursor) => void;
  readonly stop: () => void;
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => ListSnapshot<Row, Cursor>;
}
