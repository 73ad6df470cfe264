import { Box, Text } from 'ink';
import {
  COLUMN_GAP,
  type CutPosition,
} from '../../source/table/table-layout.js';
import type { TableSort } from '../../source/table/table-rows.js';
import { TableWindowRow } from './TableWindowRow.js';
import { useTheme } from '../theme.js';
import type { Tone } from '../../source/lib/view-types.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface TableLine {
  readonly id: string;
  readonly cells: readonly string[];
  readonly tones: readonly (Tone | undefined)[];
}

export interface TableWindowProps {
  readonly titles: readonly string[];
  readonly aligns: readonly ('left' | 'right' | undefined)[];
  readonly cuts: readonly CutPosition[];
  readonly widths: readonly number[];
  /** Only the rows in the window: the table never renders more than it shows. */
  readonly lines: readonly TableLine[];
  readonly selectedId: string | undefined;
  readonly marked: ReadonlySet<string>;
  readonly sort: TableSort | undefined;
  readonly emptyText: string;
  readonly height: number;
}

/** Column headers and the visible window of rows. */
export function TableWindow({
  titles,
  aligns,
  cuts,
  widths,
  lines,
  selectedId,
  marked,
  sort,
  emptyText,
  height,
}: TableWindowProps) {
  const theme = useTheme();
  const gap = ' '.repeat(COLUMN_GAP);
  const header = widths
    .map((width, index) => {
      if (width <= 0) return undefined;
      const arrow =
        sort?.column === index
          ? sort.direction === 'asc'
            ? theme.glyphs.up
            : theme.glyphs.down
          : '';
      return fitCell(`${titles[index] ?? ''}${arrow}`, width, {
        align: aligns[index],
        ellipsis: theme.glyphs.ellipsis,
      });
    })
    .filter((cell) => cell !== undefined)
    .join(gap);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.ui.muted} wrap="truncate-end">
        {` ${header}`}
      </Text>
      {lines.length === 0 ? (
        <Text color={theme.ui.muted}> {emptyText}</Text>
      ) : (
        lines.map((line) => (
          <TableWindowRow
            key={line.id}
            cells={line.cells}
            tones={line.tones}
            widths={widths}
            aligns={aligns}
            cuts={cuts}
            selected={line.id === selectedId}
            marked={marked.has(line.id)}
          />
        ))
      )}
    </Box>
  );
}
