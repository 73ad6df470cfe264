import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import {
  filterPickItems,
  type PickRequest,
} from '../../source/lib/pick-request.js';
import {
  moveSelection,
  scrollOffset,
} from '../../source/table/table-layout.js';
import {
  LIST_MOVES,
  type CursorMove,
} from '../../source/table/table-cursor.js';
import { TextInput } from '../widgets/TextInput.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface PickerDialogProps {
  readonly request: PickRequest;
  readonly width: number;
  readonly height: number;
  readonly onResolve: (id: string | undefined) => void;
}

/**
 * j/k (and the other list keys) move, Enter chooses, Esc cancels; `/` starts
 * a filter that typing narrows (↑/↓ still move, Esc ends the filter).
 */
export function PickerDialog({
  request,
  width,
  height,
  onResolve,
}: PickerDialogProps) {
  const theme = useTheme();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [filtering, setFiltering] = useState(false);
  const items = useMemo(
    () => filterPickItems(request.items, query),
    [request.items, query],
  );
  const index = Math.min(selected, Math.max(0, items.length - 1));
  const listHeight = Math.max(1, height - 5);
  const offset = scrollOffset(items.length, index, listHeight, 0);
  const inner = Math.max(20, width - 4);

  const move = (how: CursorMove) =>
    setSelected(moveSelection(items.length, index, how, listHeight - 1));
  useKeys(
    // While filtering, letters are the filter's: only the dialog's keys count.
    filtering ? ['dialog'] : ['list', 'dialog'],
    (command) => {
      const listMove = LIST_MOVES[command];
      if (listMove) return move(listMove);
      switch (command) {
        case 'dialog.cancel':
          if (!filtering) return onResolve(undefined);
          setQuery('');
          return setFiltering(false);
        case 'dialog.filter':
          return setFiltering(true);
        case 'dialog.scrollUp':
          return move('up');
        case 'dialog.scrollDown':
          return move('down');
        case 'dialog.accept':
          if (items[index]) onResolve(items[index].id);
          return;
        default:
          break;
      }
    },
    true,
  );

  const shown = items.slice(offset, offset + listHeight);
  const labelWidth = Math.min(
    inner - 2,
    Math.max(10, ...shown.map((item) => item.label.length)),
  );
  return (
    <Box
      flexDirection="column"
      borderStyle={theme.ascii ? 'classic' : 'round'}
      borderColor={theme.ui.accent}
      paddingX={1}
      width={width}
    >
      <Text bold>
        {fitCell(
          `${request.title} (${items.length}/${request.items.length})`,
          inner,
          { ellipsis: theme.glyphs.ellipsis },
        )}
      </Text>
      <Box>
        <Text color={theme.ui.accent}>{'/ '}</Text>
        <TextInput
          value={query}
          onChange={(value) => {
            setQuery(value);
            setSelected(0);
          }}
          isActive={filtering}
          placeholder={
            filtering ? 'type to narrow the list' : 'press / to narrow the list'
          }
          width={inner - 2}
        />
      </Box>
      {shown.length === 0 ? (
        <Text color={theme.ui.muted}>
          {fitCell(
            request.items.length === 0
              ? (request.empty ?? 'nothing to choose from')
              : 'nothing matches',
            inner,
            { ellipsis: theme.glyphs.ellipsis },
          )}
        </Text>
      ) : (
        shown.map((item) => (
          <Text key={item.id} inverse={item.id === items[index]?.id}>
            {fitCell(item.label, labelWidth, {
              ellipsis: theme.glyphs.ellipsis,
            })}
            <Text color={theme.ui.muted}>
              {fitCell(` ${item.detail ?? ''}`, inner - labelWidth, {
                ellipsis: theme.glyphs.ellipsis,
              })}
            </Text>
          </Text>
        ))
      )}
      <Text color={theme.ui.muted}>
        {fitCell(
          (filtering
            ? [
                'type to narrow',
                `${theme.glyphs.upDown} move`,
                'Enter chooses',
                'Esc ends the filter',
              ]
            : [
                `j/k ${theme.glyphs.upDown} move`,
                '/ filter',
                'Enter chooses',
                'Esc cancels',
              ]
          ).join(` ${theme.glyphs.dot} `),
          inner,
          { ellipsis: theme.glyphs.ellipsis },
        )}
      </Text>
    </Box>
  );
}
