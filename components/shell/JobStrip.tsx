import { Box, Text } from 'ink';
import type { JobView } from '../../source/jobs/job-runner.js';
import { ProgressBar } from '../widgets/ProgressBar.js';
import { useTheme } from '../theme.js';

const MAX_JOB_LINES = 2;

/** Lines the strip takes for these jobs, so the shell can size the pane. */
export function jobStripHeight(jobs: readonly JobView[]): number {
  const running = jobs.filter((job) => job.state === 'running').length;
  return Math.min(MAX_JOB_LINES, running);
}

/** Running jobs with their progress; Ctrl+C cancels them. */
export function JobStrip({
  jobs,
  width,
}: {
  readonly jobs: readonly JobView[];
  readonly width: number;
}) {
  const theme = useTheme();
  const running = jobs.filter((job) => job.state === 'running');
  if (running.length === 0) return null;
  const shown =
    running.length > MAX_JOB_LINES
      ? running.slice(0, MAX_JOB_LINES - 1)
      : running;
  return (
    <Box flexDirection="column">
      {shown.map((job) => (
        <ProgressBar
          key={job.id}
          title={job.title}
          progress={job.progress}
          width={width}
        />
      ))}
      {running.length > shown.length ? (
        <Text
          color={theme.ui.muted}
        >{`+${running.length - shown.length} more jobs running (Ctrl+C cancels all)`}</Text>
      ) : null}
    </Box>
  );
}
