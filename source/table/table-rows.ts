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

/**
 * Rows as shown. With a cache, a row object already built (an earlier page,
 * kept when the next one loads) is not built again.
 */
export function buildRows<Row>(
  spec: Pick<TablePaneSpec<Row, unknown>, 'columns' | 'rowId' | 'tags'>,
  rows: readonly Row[],
  cache?: WeakMap<object, ShownRow<Row>>,
): ShownRow<Row>[] {
  // key=value takes a column's id or its title: status=… and opt-in=… alike.
  // One map for every row: thousands of rows need not carry their own.
  const columns = new Map<string, number>();
  spec.columns.forEach((column, index) => {
    columns.set(column.title.toLowerCase(), index);
    columns.set(column.id, index);
  });
  return rows.map((row) => {
    const cached =
      typeof row === 'object' && row !== null ? cache?.get(row) : undefined;
    if (cached) return cached;
    const built = shownRow(spec, row, columns);
    if (typeof row === 'object' && row !== null) cache?.set(row, built);
    return built;
  });
}

function shownRow<Row>(
  spec: Pick<TablePaneSpec<Row, unknown>, 'columns' | 'rowId' | 'tags'>,
  row: Row,
  columns: ReadonlyMap<string, number>,
): ShownRow<Row> {
  // Cells are measured, filtered and drawn as shown: outside text made safe first.
  const cells = spec.columns.map((column) => safeLine(column.value(row)));
  const tags = spec.tags?.(row);
  return {
    id: spec.rowId(row),
    row,
    cells,
    columns,
    tones: spec.columns.map((column) => column.tone?.(row)),
    ...(tags === undefined ? {} : { tags }),
  };
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
