import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../hooks/useKeys.js';
import { moveSelection } from '../source/table-layout.js';
import type { Tone } from '../source/panes/types.js';
import { fitCell } from '../source/table-layout.js';
import { useTheme } from './theme.js';

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
}

/** A titled, read-only text view that scrolls with the list keys. */
export function ScrollView({
  title,
  lines,
  height,
  width,
  isActive,
}: ScrollViewProps) {
  const theme = useTheme();
  const bodyHeight = Math.max(1, height - 1);
  const maxTop = Math.max(0, lines.length - bodyHeight);
  const [topState, setTop] = useState(0);
  const top = Math.min(topState, maxTop);

  useKeys(
    ['list'],
    (command) => {
      const moves: Record<
        string,
        'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown'
      > = {
        'list.up': 'up',
        'list.down': 'down',
        'list.top': 'top',
        'list.bottom': 'bottom',
        'list.pageUp': 'pageUp',
        'list.pageDown': 'pageDown',
      };
      const move = moves[command];
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

  // Lines are positional: the key is the line number in the whole text.
  const shown = lines
    .slice(top, top + bodyHeight)
    .map((line, index) => ({ line, number: top + index }));
  const position =
    lines.length > bodyHeight
      ? ` ${top + 1}-${top + shown.length} of ${lines.length}`
      : '';
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.ui.title}>
        {fitCell(`${title}${position}`, width, {
          ellipsis: theme.glyphs.ellipsis,
        })}
      </Text>
      {shown.map(({ line, number }) => (
        <Text
          key={number}
          color={theme.tone(line.tone)}
          bold={line.bold ?? false}
        >
          {fitCell(line.text, width, { ellipsis: theme.glyphs.ellipsis })}
        </Text>
      ))}
    </Box>
  );
}
