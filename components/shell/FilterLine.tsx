import { Box, Text } from 'ink';
import { useKeys } from '../../hooks/input/useKeys.js';
import { parseFilter } from '../../source/table/filter.js';
import { TextInput } from '../widgets/TextInput.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface FilterLineProps {
  readonly value: string;
  readonly width: number;
  readonly onChange: (text: string) => void;
  readonly onAccept: () => void;
  readonly onCancel: () => void;
}

/** The `/` prompt: the table filters as you type; Esc restores the old filter. */
export function FilterLine({
  value,
  width,
  onChange,
  onAccept,
  onCancel,
}: FilterLineProps) {
  const theme = useTheme();
  useKeys(
    ['prompt'],
    (command) => {
      if (command === 'prompt.accept') onAccept();
      else if (command === 'prompt.cancel') onCancel();
    },
    true,
  );
  const parsed = parseFilter(value);
  const help = parsed.ok
    ? 'text  /regex/  !invert  key=value  Enter keeps  Esc restores'
    : `${theme.glyphs.error} ${parsed.error}`;
  const inputWidth = Math.max(10, Math.min(width - 20, value.length + 2));
  return (
    <Box>
      <Text color={theme.ui.accent} bold>
        /
      </Text>
      <TextInput
        value={value}
        onChange={onChange}
        isActive
        width={inputWidth}
      />
      <Text color={parsed.ok ? theme.ui.muted : theme.tone('error')}>
        {`  ${fitCell(help, Math.max(0, width - inputWidth - 4), { ellipsis: theme.glyphs.ellipsis })}`}
      </Text>
    </Box>
  );
}
