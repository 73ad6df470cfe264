import { Box, Text } from 'ink';
import type { OptionLines } from '../../source/safety/confirm-lines.js';
import { useTheme } from '../theme.js';

export interface ConfirmOptionsProps {
  readonly groups: readonly OptionLines[];
}

/** "[x] dry run (Ctrl+D): ...", wrapped, with the switch's warning while it is on. */
export function ConfirmOptions({ groups }: ConfirmOptionsProps) {
  const theme = useTheme();
  if (groups.length === 0) return null;
  return (
    <Box flexDirection="column">
      {groups.map((group) => (
        <Text
          key={group.key}
          color={
            group.tone === 'on'
              ? theme.ui.accent
              : group.tone === 'warn'
                ? theme.tone('warn')
                : undefined
          }
        >
          {group.lines.join('\n')}
        </Text>
      ))}
    </Box>
  );
}
