import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import type { Scope, Command } from '../../source/keymap/index.js';
import type { Cell, ResultColumn } from '../../source/mysql/mysql-values.js';
import { cellText, gridWidths } from '../../source/panes/mysql/mysql-format.js';
import { LIST_MOVES } from '../../source/table/table-cursor.js';
import { useTableCursor } from '../../hooks/table/useTableCursor.js';
import { useTheme } from '../theme.js';
import { fitCell, fitPieces } from '../../source/lib/fit-cell.js';

export interface MysqlResultGridProps {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  /** The view's scope: its left/right commands end in `.left` / `.right`. */
  readonly scope: Scope;
  readonly onCommand?: (command: Command) => void;
  /** What names a row (its primary key), so the cursor stays on it after a reload. */
  readonly rowKey?: ((row: readonly Cell[]) => string) | undefined;
}

/**
 * A result as a windowed grid: only visible rows render; ←/→ scroll wide rows
 * a column at a time; NULL is dimmed, binary shows as hex.
 */
export function MysqlResultGrid(props: MysqlResultGridProps) {
  const theme = useTheme();
  const { glyphs } = theme;
  const [first, setFirst] = useState(0);
  const { rowKey } = props;
  const ids = useMemo(
    () => props.rows.map((row, index) => rowKey?.(row) ?? `#${String(index)}`),
    [props.rows, rowKey],
  );
  const bodyHeight = Math.max(1, props.height - 1);
  const cursor = useTableCursor(ids, bodyHeight);
  const widths = useMemo(
    () =>
      gridWidths(
        props.columns.map((column) => column.name),
        props.rows,
        glyphs,
      ),
    [props.columns, props.rows, glyphs],
  );
  useKeys(
    ['list', props.scope],
    (command) => {
      const move = LIST_MOVES[command];
      if (move) return cursor.move(move);
      if (command.endsWith('.left'))
        return setFirst((value) => Math.max(0, value - 1));
      if (command.endsWith('.right'))
        return setFirst((value) =>
          Math.min(Math.max(0, props.columns.length - 1), value + 1),
        );
      props.onCommand?.(command);
    },
    props.isActive,
  );
  const { index, offset } = cursor;
  // The columns that fit from the first one shown.
  const shown: number[] = [];
  let used = 0;
  for (let column = first; column < props.columns.length; column++) {
    const width = widths[column] ?? 4;
    if (shown.length > 0 && used + width > props.width) break;
    shown.push(column);
    used += width + 1;
  }
  const more = first > 0 || (shown.at(-1) ?? 0) < props.columns.length - 1;
  const cell = (column: number, text: string) =>
    fitCell(text, Math.min(widths[column] ?? 4, props.width), {
      ellipsis: glyphs.ellipsis,
    });
  // The marker of more columns may not fit beside the last one: cut, not wrapped.
  const header = fitPieces(
    [
      shown
        .map((column) => cell(column, props.columns[column]?.name ?? ''))
        .join(' '),
      more ? ` ${first > 0 ? glyphs.moreLeft : ''}${glyphs.moreRight}` : '',
    ],
    props.width,
    glyphs.ellipsis,
  ).join('');
  return (
    <Box flexDirection="column" height={props.height}>
      <Text bold wrap="truncate-end">
        {header}
      </Text>
      {props.rows.slice(offset, offset + bodyHeight).map((row, at) => (
        <Text
          key={ids[offset + at]}
          inverse={offset + at === index && props.isActive}
          wrap="truncate-end"
        >
          {shown.map((column, position) => {
            const value = row[column] ?? null;
            return (
              <Text
                key={column}
                {...(value === null
                  ? { color: theme.ui.muted, italic: true }
                  : {})}
              >
                {cell(column, cellText(value, glyphs))}
                {position < shown.length - 1 ? ' ' : ''}
              </Text>
            );
          })}
        </Text>
      ))}
    </Box>
  );
}
