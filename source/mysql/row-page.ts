/** A page of a table's rows: what the pager takes and gives back. Plain data. */
import type { Cell, ResultColumn } from './mysql-values.js';

/** Opaque to the UI: hand back what a page gave. */
export type PageCursor =
  | {
      readonly kind: 'key';
      readonly values: readonly unknown[];
      readonly columns: readonly ResultColumn[];
    }
  | { readonly kind: 'offset'; readonly offset: number };

export type PageRequest =
  | { readonly at: 'first' | 'last' }
  | { readonly after: PageCursor }
  | { readonly before: PageCursor };

export interface RowPage {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly mode: 'keyset' | 'offset';
  readonly primaryKey: readonly string[];
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  /** Cursors for the rows at the top and the bottom of this page. */
  readonly first: PageCursor | undefined;
  readonly last: PageCursor | undefined;
  /** Offset mode: the position of the first row. */
  readonly offset: number | undefined;
}

export interface RowPager {
  readonly page: (
    database: string,
    table: string,
    request: PageRequest,
    options?: { limit?: number; signal?: AbortSignal },
  ) => Promise<RowPage>;
}
