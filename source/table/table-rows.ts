/**
 * Rows as the table shows them: cell texts computed once per data change,
 * then filtered and sorted. Pure.
 */
import type { FilterableRow, RowPredicate } from './filter.js';
import { sortBy, type SortDirection } from './sort.js';
import { safeLine } from '../lib/terminal-text.js';
import type { Tone } from '../lib/view-types.js';
import type { ColumnSpec, TablePaneSpec } from './table-spec.js';

export interface ShownRow<Row> extends FilterableRow {
  readonly id: string;
  readonly row: Row;
  readonly tones: readonly (Tone | undefined)[];
}

export interface TableSort {
  readonly column: number;
  readonly direction: SortDirection;
}

interface BuiltRow<Row> {
  /** The cell texts before they were made safe, to tell whether they changed. */
  readonly raw: readonly string[];
  readonly shown: ShownRow<Row>;
}

/** What a table keeps between builds so that unchanged rows cost little. */
export interface RowCache<Row> {
  /** By row object: the rows of earlier pages, kept when the next one loads. */
  readonly byObject: WeakMap<object, BuiltRow<Row>>;
  /** By row ID: a refresh brings new objects, most with the same texts. */
  byId: Map<string, BuiltRow<Row>>;
}

export function createRowCache<Row>(): RowCache<Row> {
  return { byObject: new WeakMap(), byId: new Map() };
}

/**
 * Rows as shown. With a cache, a row object already built is not built
 * again, and a refreshed row whose texts and tones did not change keeps the
 * previous `cells` and `tones` arrays: the texts are not made safe again, and
 * a memoised table line sees the same props and does not redraw.
 */
export function buildRows<Row>(
  spec: Pick<TablePaneSpec<Row, unknown>, 'columns' | 'rowId' | 'tags'>,
  rows: readonly Row[],
  cache?: RowCache<Row>,
): ShownRow<Row>[] {
  // key=value takes a column's id or its title: status=… and opt-in=… alike.
  // One map for every row: thousands of rows need not carry their own.
  const columns = new Map<string, number>();
  spec.columns.forEach((column, index) => {
    columns.set(column.title.toLowerCase(), index);
    columns.set(column.id, index);
  });
  // Only the IDs of this build: rows gone from the list are let go.
  const byId = new Map<string, BuiltRow<Row>>();
  const shown = rows.map((row) => {
    const isObject = typeof row === 'object' && row !== null;
    const built =
      (isObject ? cache?.byObject.get(row) : undefined) ??
      buildRow(spec, row, columns, cache?.byId);
    if (isObject) cache?.byObject.set(row, built);
    byId.set(built.shown.id, built);
    return built.shown;
  });
  if (cache) cache.byId = byId;
  return shown;
}

function buildRow<Row>(
  spec: Pick<TablePaneSpec<Row, unknown>, 'columns' | 'rowId' | 'tags'>,
  row: Row,
  columns: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, BuiltRow<Row>> | undefined,
): BuiltRow<Row> {
  const id = spec.rowId(row);
  const before = previous?.get(id);
  const raw = spec.columns.map((column) => column.value(row));
  const tones = spec.columns.map((column) => column.tone?.(row));
  const tags = spec.tags?.(row);
  return {
    raw,
    shown: {
      id,
      row,
      // Cells are measured, filtered and drawn as shown: outside text made safe first.
      cells:
        before && sameItems(before.raw, raw)
          ? before.shown.cells
          : raw.map(safeLine),
      columns,
      tones:
        before && sameItems(before.shown.tones, tones)
          ? before.shown.tones
          : tones,
      ...(tags === undefined ? {} : { tags }),
    },
  };
}

function sameItems<Item>(a: readonly Item[], b: readonly Item[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

export function viewRows<Row>(
  rows: readonly ShownRow<Row>[],
  columns: readonly ColumnSpec<Row>[],
  predicate: RowPredicate,
  sort: TableSort | undefined,
): ShownRow<Row>[] {
  const kept = rows.filter(predicate);
  if (!sort) return kept;
  const column = columns[sort.column];
  if (!column) return kept;
  return sortBy(
    kept,
    (shown) => column.sortValue?.(shown.row) ?? shown.cells[sort.column] ?? '',
    sort.direction,
  );
}

/** Pressing a column's number sorts by it; pressing it again reverses. */
export function toggleSort(
  current: TableSort | undefined,
  column: number,
): TableSort {
  if (current?.column === column)
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}
