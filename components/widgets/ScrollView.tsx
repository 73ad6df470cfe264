import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import { LIST_MOVES } from '../../source/table/table-cursor.js';
import { moveSelection } from '../../source/table/table-layout.js';
import { twoColumns } from '../../source/lib/two-columns.js';
import { useTheme } from '../theme.js';
import type { Tone } from '../../source/lib/view-types.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface ScrollLine {
  readonly text: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
}

export interface ScrollViewProps {
  readonly title: string;
  readonly lines: readonly ScrollLine[];
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  /** Two columns side by side (help on a wide terminal). */
  readonly columns?: 1 | 2;
}

type Row = readonly (ScrollLine | undefined)[];

/** The cells of a row; the last takes what is left of the width. */
function cellsOf(row: Row, width: number, cellWidth: number) {
  return row.map((line, column) => ({
    line,
    side: column === 0 ? 'left' : 'right',
    cellWidth:
      column === row.length - 1 ? width - cellWidth * column : cellWidth,
  }));
}

/** A titled, read-only text view that scrolls with the list keys. */
export function ScrollView({
  title,
  lines,
  height,
  width,
  isActive,
  columns = 1,
}: ScrollViewProps) {
  const theme = useTheme();
  const rows: readonly Row[] = useMemo(
    () =>
      columns === 2
        ? twoColumns(lines, (line) => line.bold === true)
        : lines.map((line) => [line]),
    [lines, columns],
  );
  const bodyHeight = Math.max(1, height - 1);
  const maxTop = Math.max(0, rows.length - bodyHeight);
  const [topState, setTop] = useState(0);
  const top = Math.min(topState, maxTop);

  useKeys(
    ['list'],
    (command) => {
      const move = LIST_MOVES[command];
      if (move)
        setTop((current) =>
          moveSelection(
            maxTop + 1,
            Math.min(current, maxTop),
            move,
            bodyHeight - 1,
          ),
        );
    },
    isActive,
  );

  // Rows are positional: the key is the row number in the whole text.
  const shown = rows
    .slice(top, top + bodyHeight)
    .map((row, index) => ({ row, number: top + index }));
  const position =
    rows.length > bodyHeight
      ? ` ${top + 1}-${top + shown.length} of ${rows.length}`
      : '';
  const cellWidth = Math.floor(width / columns);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.ui.title}>
        {fitCell(`${title}${position}`, width, {
          ellipsis: theme.glyphs.ellipsis,
        })}
      </Text>
      {shown.map(({ row, number }) => (
        <Text key={number}>
          {cellsOf(row, width, cellWidth).map(
            ({ line, side, cellWidth: cell }) => (
              <Text
                key={side}
                color={theme.tone(line?.tone)}
                bold={line?.bold ?? false}
              >
                {fitCell(line?.text ?? '', cell, {
                  ellipsis: theme.glyphs.ellipsis,
                })}
              </Text>
            ),
          )}
        </Text>
      ))}
    </Box>
  );
}
