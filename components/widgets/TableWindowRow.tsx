import { Text } from 'ink';
import { memo } from 'react';
import {
  COLUMN_GAP,
  type CutPosition,
} from '../../source/table/table-layout.js';
import { useTheme } from '../theme.js';
import type { Tone } from '../../source/lib/view-types.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface TableWindowRowProps {
  readonly cells: readonly string[];
  readonly tones: readonly (Tone | undefined)[];
  readonly widths: readonly number[];
  readonly aligns: readonly ('left' | 'right' | undefined)[];
  readonly cuts: readonly CutPosition[];
  readonly selected: boolean;
  readonly marked: boolean;
}

/** One table line: a marker column, then the cells cut to their widths. */
export const TableWindowRow = memo(function TableWindowRow({
  cells,
  tones,
  widths,
  aligns,
  cuts,
  selected,
  marked,
}: TableWindowRowProps) {
  const theme = useTheme();
  const gap = ' '.repeat(COLUMN_GAP);
  const parts: { text: string; tone: Tone | undefined }[] = [];
  widths.forEach((width, index) => {
    if (width <= 0) return;
    const separator = parts.length > 0 ? gap : '';
    parts.push({
      text:
        separator +
        fitCell(cells[index] ?? '', width, {
          align: aligns[index],
          ellipsis: theme.glyphs.ellipsis,
          position: cuts[index],
        }),
      tone: tones[index],
    });
  });
  return (
    <Text inverse={selected} wrap="truncate-end">
      <Text color={theme.ui.accent}>{marked ? theme.glyphs.mark : ' '}</Text>
      {parts.map((part, index) => (
        // Cells are positional: column N is always at index N.
        // eslint-disable-next-line react/no-array-index-key
        <Text key={index} color={selected ? undefined : theme.tone(part.tone)}>
          {part.text}
        </Text>
      ))}
    </Text>
  );
});
