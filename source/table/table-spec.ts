/**
 * What a table pane declares: its columns, how to load a page, how to
 * describe a row. The shell and the table widget do the rest (windowing,
 * sort, filter, selection, refresh, detail view).
 */
import type { DetailSection, Page, Tone } from '../lib/view-types.js';
import type { ColumnLayoutSpec } from './table-layout.js';

export interface ColumnSpec<Row> extends ColumnLayoutSpec {
  /** Lower-case name for `key=value` filters. */
  readonly id: string;
  readonly value: (row: Row) => string;
  readonly sortValue?: (row: Row) => string | number;
  readonly align?: 'left' | 'right';
  readonly tone?: (row: Row) => Tone | undefined;
}

/** What a pane's own command acts on. */
export interface PaneCommandContext<Row> {
  /** The row under the cursor. */
  readonly row: Row | undefined;
  /** The marked rows, or the row under the cursor when none is marked. */
  readonly targets: readonly Row[];
  /** Reloads the list, after a write. */
  readonly refresh: () => void;
}

export interface TablePaneSpec<Row, Services> {
  readonly name: string;
  readonly columns: readonly ColumnSpec<Row>[];
  readonly rowId: (row: Row) => string;
  readonly tags?: (row: Row) => Readonly<Record<string, string>>;
  readonly describe: (row: Row) => readonly DetailSection[];
  load(
    services: Services,
    cursor: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<Row>>;
  /** Rows in a changing state make the pane poll fast. */
  readonly transitional?: (row: Row) => boolean;
}
