import { Box } from 'ink';
import { useLayoutEffect, useMemo, useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { parseFilter } from '../../source/table/filter.js';
import type { Scope, Command } from '../../source/keymap/index.js';
import { tableScopes } from '../../source/keymap/live-scopes.js';
import { LIST_MOVES } from '../../source/table/table-cursor.js';
import { useTableCursor } from '../../hooks/table/useTableCursor.js';
import { cutPosition, fitColumns } from '../../source/table/table-layout.js';
import {
  toggleSort,
  viewRows,
  type ShownRow,
  type TableSort,
} from '../../source/table/table-rows.js';
import { TableWindow } from './TableWindow.js';
import { TableTitle, type TableStatus } from './TableTitle.js';
import { useTheme } from '../theme.js';
import type { ColumnSpec } from '../../source/table/table-spec.js';

export interface InteractiveTableProps<Row> {
  readonly title: string;
  readonly columns: readonly ColumnSpec<Row>[];
  readonly rows: readonly ShownRow<Row>[];
  readonly filter: string;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly status: TableStatus;
  /** The pane's own key scope, `pane:<name>`. */
  readonly scope?: Scope;
  readonly emptyText?: string;
  readonly onOpen?: (row: Row) => void;
  readonly onDescribe?: (row: Row) => void;
  readonly onMore?: () => void;
  /** Pane-specific commands, with the selected row and the marked rows. */
  readonly onCommand?: (
    command: Command,
    row: Row | undefined,
    marked: readonly Row[],
  ) => void;
}

function emptyText(
  status: TableStatus,
  total: number,
  empty: string | undefined,
  ellipsis: string,
): string {
  if (status.loading) return `loading${ellipsis}`;
  if (total > 0) return 'no row matches the filter (Esc clears it)';
  if (status.error) return `could not load: ${status.error}`;
  return empty ?? 'nothing here';
}

/** A windowed, sortable, filterable table with a cursor kept by row ID. */
export function InteractiveTable<Row>(props: InteractiveTableProps<Row>) {
  const { columns, rows, filter, height, width, isActive, status, scope } =
    props;
  const shell = useShellApi();
  const theme = useTheme();
  const [sort, setSort] = useState<TableSort | undefined>(undefined);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());

  // Esc clears the marks before it goes back. A layout effect: the Esc of
  // the same burst as the mark already sees it.
  const { holdBack } = shell;
  const hasMarks = marked.size > 0;
  useLayoutEffect(() => {
    if (!isActive || !hasMarks) return undefined;
    return holdBack(() => {
      setMarked(new Set());
      return true;
    });
  }, [isActive, hasMarks, holdBack]);

  const parsed = useMemo(() => parseFilter(filter), [filter]);
  const shown = useMemo(
    // A filter that does not parse shows every row; the title says why.
    () =>
      viewRows(rows, columns, parsed.ok ? parsed.predicate : () => true, sort),
    [rows, columns, parsed, sort],
  );
  const ids = useMemo(() => shown.map((row) => row.id), [shown]);
  const bodyHeight = Math.max(1, height - 2);
  const cursor = useTableCursor(ids, bodyHeight);
  const { index, offset } = cursor;
  const selected = shown[index];

  // Widths come from every row, not the window, so columns do not jump while scrolling.
  const cellTexts = useMemo(() => rows.map((row) => row.cells), [rows]);
  // The same widths keep the same array, so table lines memoised on their
  // props do not redraw when a refresh leaves the widths as they were.
  const widthsKey = useMemo(
    () => fitColumns(columns, cellTexts, width - 1).join(','),
    [columns, cellTexts, width],
  );
  const widths = useMemo(
    () => (widthsKey === '' ? [] : widthsKey.split(',').map(Number)),
    [widthsKey],
  );
  const titles = useMemo(
    () => columns.map((column) => column.title),
    [columns],
  );
  const aligns = useMemo(
    () => columns.map((column) => column.align),
    [columns],
  );
  const cuts = useMemo(() => columns.map(cutPosition), [columns]);

  useKeys(
    tableScopes(scope),
    (command, key) => {
      const move = LIST_MOVES[command];
      if (move) return cursor.move(move);
      switch (command) {
        case 'table.open':
          if (selected) props.onOpen?.(selected.row);
          return;
        case 'table.describe':
          if (selected) props.onDescribe?.(selected.row);
          return;
        case 'table.sort': {
          const column = Number(key) - 1;
          if (column < columns.length)
            setSort((current) => toggleSort(current, column));
          return;
        }
        case 'table.mark': {
          if (!selected) return;
          setMarked((current) => {
            const next = new Set(current);
            if (next.has(selected.id)) next.delete(selected.id);
            else next.add(selected.id);
            return next;
          });
          cursor.move('down');
          return;
        }
        case 'table.more':
          if (status.partial) props.onMore?.();
          else shell.report('info', 'ui', 'the whole list is loaded');
          return;
        case 'table.copy':
          if (selected) shell.copy(selected.id, selected.id);
          return;
        default:
          props.onCommand?.(
            command,
            selected?.row,
            shown.filter((row) => marked.has(row.id)).map((row) => row.row),
          );
      }
    },
    isActive,
  );

  const visible = shown.slice(offset, offset + bodyHeight);
  return (
    <Box flexDirection="column" height={height}>
      <TableTitle
        title={props.title}
        total={rows.length}
        shown={shown.length}
        filter={filter}
        filterError={parsed.ok ? undefined : parsed.error}
        marked={marked.size}
        status={status}
        width={width}
      />
      <TableWindow
        titles={titles}
        aligns={aligns}
        cuts={cuts}
        widths={widths}
        lines={visible}
        selectedId={selected?.id}
        marked={marked}
        sort={sort}
        emptyText={emptyText(
          status,
          rows.length,
          props.emptyText,
          theme.glyphs.ellipsis,
        )}
        height={bodyHeight + 1}
      />
    </Box>
  );
}
