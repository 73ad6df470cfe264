import { Text } from 'ink';
import type { Status } from '../../source/shell/shell-state.js';
import { useTheme } from '../theme.js';

export interface StatusLineProps {
  readonly status: Status | null;
  /** The message wrapped to the width (statusLines), one row each. */
  readonly lines: readonly string[];
}

/** Transient notices and errors; the data above stays as it was. */
export function StatusLine({ status, lines }: StatusLineProps) {
  const theme = useTheme();
  if (!status || lines.length === 0) return <Text> </Text>;
  const tone =
    status.level === 'error'
      ? 'error'
      : status.level === 'warn'
        ? 'warn'
        : 'info';
  return <Text color={theme.tone(tone)}>{lines.join('\n')}</Text>;
}
