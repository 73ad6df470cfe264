import { Text } from 'ink';
import {
  describeProgress,
  type ProgressSnapshot,
} from '../../source/jobs/progress.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface ProgressBarProps {
  readonly title: string;
  readonly progress: ProgressSnapshot;
  readonly width: number;
}

/** "sync  [█████░░░░░]  52% · 12 MiB/23 MiB · 40/80 items · 3 MiB/s · ETA 0:04" */
export function ProgressBar({ title, progress, width }: ProgressBarProps) {
  const theme = useTheme();
  const barWidth = Math.max(5, Math.min(30, Math.floor(width / 5)));
  const fraction = progress.fraction;
  const filled = fraction === undefined ? 0 : Math.round(fraction * barWidth);
  const percent =
    fraction === undefined
      ? '  ?%'
      : `${String(Math.floor(fraction * 100)).padStart(3)}%`;
  const titleWidth = Math.min(24, Math.max(6, Math.floor(width / 4)));
  const details = describeProgress(progress, ` ${theme.glyphs.dot} `);
  const rest = Math.max(0, width - titleWidth - barWidth - percent.length - 5);
  return (
    <Text>
      {fitCell(title, titleWidth, { ellipsis: theme.glyphs.ellipsis })}
      {' ['}
      <Text color={theme.ui.accent}>{theme.glyphs.barFull.repeat(filled)}</Text>
      <Text color={theme.ui.muted}>
        {theme.glyphs.barEmpty.repeat(barWidth - filled)}
      </Text>
      {`] ${percent} `}
      <Text color={theme.ui.muted}>
        {fitCell(details, rest, { ellipsis: theme.glyphs.ellipsis })}
      </Text>
    </Text>
  );
}
