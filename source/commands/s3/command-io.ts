/** How an s3 subcommand talks to the world: injected, so tests call commands directly. */
import {
  describeProgress,
  type ProgressSnapshot,
} from '../../jobs/progress.js';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Progress goes to stderr only when it is a terminal. */
  readonly progress?: (text: string | undefined) => void;
  /** Reads one typed line (typed confirmations); undefined without a terminal. */
  readonly prompt?: (question: string) => Promise<string>;
  readonly signal: AbortSignal;
}

/** Exit codes: 0 done, 1 something failed, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A usage problem found after argument parsing (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function progressReporter(
  io: CommandIo,
): ((progress: ProgressSnapshot) => void) | undefined {
  const show = io.progress;
  if (!show) return undefined;
  return (progress) => show(describeProgress(progress));
}

/** A progress line on a terminal's stderr, redrawn in place. */
export function terminalProgress(
  stream: NodeJS.WriteStream,
): (text: string | undefined) => void {
  return (text) => {
    const width = Math.max(10, (stream.columns || 80) - 1);
    stream.write(`\r\x1b[2K${text === undefined ? '' : text.slice(0, width)}`);
  };
}
