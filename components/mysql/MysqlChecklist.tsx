import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface MysqlChecklistProps {
  readonly title: string;
  readonly items: readonly string[];
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  /** The checked items, or undefined when cancelled. */
  readonly onDone: (checked: string[] | undefined) => void;
}

/** Privileges to tick: ↑/↓ move, Space ticks, Enter accepts, Esc cancels. Takes the keyboard. */
export function MysqlChecklist(props: MysqlChecklistProps) {
  const theme = useTheme();
  const [cursor, setCursor] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const count = props.items.length;
  useKeys(
    ['dialog'],
    (command) => {
      switch (command) {
        case 'dialog.scrollUp':
        case 'dialog.previous':
          return setCursor((index) => (index - 1 + count) % count);
        case 'dialog.scrollDown':
        case 'dialog.next':
          return setCursor((index) => (index + 1) % count);
        case 'dialog.toggle': {
          const item = props.items[cursor];
          if (item === undefined) return;
          return setChecked((current) => {
            const next = new Set(current);
            if (next.has(item)) next.delete(item);
            else next.add(item);
            return next;
          });
        }
        case 'dialog.accept':
          return props.onDone(props.items.filter((item) => checked.has(item)));
        case 'dialog.cancel':
          return props.onDone(undefined);

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    },
    props.isActive,
    true,
  );
  // Two columns when the list is taller than the space.
  const rows = Math.max(1, props.height - 3);
  const columns = count > rows ? 2 : 1;
  const perColumn = Math.ceil(count / columns);
  const cellWidth = Math.floor((props.width - 2) / columns);
  const lines = Array.from({ length: Math.min(perColumn, rows) }, (_, line) =>
    Array.from({ length: columns }, (_, column) => line + column * perColumn),
  );
  return (
    <Box flexDirection="column" height={props.height}>
      <Text bold color={theme.ui.accent}>
        {fitCell(props.title, props.width, {
          ellipsis: theme.glyphs.ellipsis,
        })}
      </Text>
      {lines.map((indexes) => (
        <Text key={indexes[0]}>
          {indexes.map((index) => {
            const item = props.items[index];
            if (item === undefined) return null;
            return (
              <Text key={item} inverse={index === cursor}>
                {fitCell(
                  `[${checked.has(item) ? 'x' : ' '}] ${item}`,
                  cellWidth,
                  { ellipsis: theme.glyphs.ellipsis },
                )}
              </Text>
            );
          })}
        </Text>
      ))}
      <Text color={theme.ui.muted}>
        {fitCell(
          `${checked.size} chosen ${theme.glyphs.dot} ${theme.glyphs.upDown} move ${theme.glyphs.dot} Space ticks ${theme.glyphs.dot} Enter accepts ${theme.glyphs.dot} Esc cancels`,
          props.width,
          { ellipsis: theme.glyphs.ellipsis },
        )}
      </Text>
    </Box>
  );
}
