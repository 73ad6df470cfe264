import { Text } from 'ink';
import type { Status } from '../../source/shell/shell-state.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface StatusLineProps {
  readonly status: Status | null;
  readonly width: number;
}

/** Transient notices and errors; the data above stays as it was. */
export function StatusLine({ status, width }: StatusLineProps) {
  const theme = useTheme();
  if (!status) return <Text> </Text>;
  const glyph =
    status.level === 'error'
      ? theme.glyphs.error
      : status.level === 'warn'
        ? theme.glyphs.warn
        : theme.glyphs.info;
  const tone =
    status.level === 'error'
      ? 'error'
      : status.level === 'warn'
        ? 'warn'
        : 'info';
  return (
    <Text color={theme.tone(tone)}>
      {fitCell(`${glyph} ${status.text}`, width, {
        ellipsis: theme.glyphs.ellipsis,
      })}
    </Text>
  );
}
