import { Box, Text } from 'ink';
import { useAppDeps } from '../hooks/app-context.js';
import { displayKey } from '../source/keymap/index.js';
import type { ConfirmAnswer, ConfirmOption } from '../source/safety/confirm.js';
import { fitCell } from '../source/table-layout.js';
import { useTheme } from './theme.js';

export interface ConfirmOptionsProps {
  readonly options: readonly ConfirmOption[];
  readonly values: ConfirmAnswer['options'];
  readonly width: number;
}

/** "[x] dry run: ... (Ctrl+D)", with the switch's warning while it is on. */
export function ConfirmOptions({
  options,
  values,
  width,
}: ConfirmOptionsProps) {
  const theme = useTheme();
  const { keymap } = useAppDeps();
  if (options.length === 0) return null;
  return (
    <Box flexDirection="column">
      {options.map((option) => {
        const on = values[option.id] === true;
        const key = keymap.binding(`dialog.${option.id}`)?.keys[0];
        const label = `[${on ? 'x' : ' '}] ${option.label}${key ? ` (${displayKey(key)})` : ''}${option.hint ? `: ${option.hint}` : ''}`;
        return (
          <Box key={option.id} flexDirection="column">
            <Text color={on ? theme.ui.accent : undefined}>
              {fitCell(label, width, { ellipsis: theme.glyphs.ellipsis })}
            </Text>
            {on && option.warning ? (
              <Text color={theme.tone('warn')}>
                {fitCell(`    ${theme.glyphs.warn} ${option.warning}`, width, {
                  ellipsis: theme.glyphs.ellipsis,
                })}
              </Text>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}
