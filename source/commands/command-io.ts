/**
 * How a subcommand talks to the world, injected so tests call commands
 * directly: lines out and err, questions only on a terminal, progress only
 * on a terminal's stderr, a signal for Ctrl+C. Exit codes mean the same in
 * every subcommand.
 */
import { createInterface } from 'node:readline/promises';
import { describeProgress, type ProgressSnapshot } from '../jobs/progress.js';
import { safeLine } from '../lib/terminal-text.js';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** stdin and stderr are a terminal: questions may be asked there. */
  readonly interactive: boolean;
  /** stdout is a terminal (a person reads it, not a pipe): secrets get a warning. */
  readonly outIsTerminal?: boolean;
  /** A y/N question on stderr; ask only when interactive. */
  readonly ask: (question: string) => Promise<boolean>;
  /** One typed line (a typed confirmation); ask only when interactive. */
  readonly prompt: (question: string) => Promise<string>;
  /** Progress redrawn in place on stderr when it is a terminal; absent otherwise. */
  readonly progress?: (text: string | undefined) => void;
  /** Aborted when the command is asked to stop (Ctrl+C, where it listens). */
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

/** The process's own streams; `cancelOnInterrupt` makes Ctrl+C abort the signal first, then quit. */
export function processIo(
  options: { readonly cancelOnInterrupt?: boolean } = {},
): CommandIo {
  const controller = new AbortController();
  if (options.cancelOnInterrupt)
    process.once('SIGINT', () => {
      process.stderr.write('cancelling (Ctrl+C again to quit at once)\n');
      controller.abort();
      process.once('SIGINT', () => process.exit(130));
    });
  const stderr = process.stderr;
  const question = async (text: string) => {
    const reader = createInterface({ input: process.stdin, output: stderr });
    try {
      return await reader.question(text);
    } finally {
      reader.close();
    }
  };
  return {
    // One line a call: a newline inside outside text is shown, like any control.
    out: (line) => process.stdout.write(`${safeLine(line)}\n`),
    err: (line) => stderr.write(`${safeLine(line)}\n`),
    interactive: process.stdin.isTTY && stderr.isTTY,
    outIsTerminal: process.stdout.isTTY,
    ask: async (text) =>
      /^y(es)?$/i.test((await question(`${text} [y/N] `)).trim()),
    prompt: question,
    ...(stderr.isTTY ? { progress: terminalProgress(stderr) } : {}),
    signal: controller.signal,
  };
}

/**
 * One JSON document on one line, for `--json`: JSON escapes C0 controls by
 * itself; DEL, C1, bidi and invisible characters are escaped here too, so
 * the line is safe on a terminal and still means the same to a parser.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function progressReporter(
  io: CommandIo,
): ((progress: ProgressSnapshot) => void) | undefined {
  const show = io.progress;
  if (!show) return undefined;
  return (progress) => show(describeProgress(progress, ' · '));
}

/** A progress line on a terminal's stderr, redrawn in place. */
function terminalProgress(
  stream: NodeJS.WriteStream,
): (text: string | undefined) => void {
  return (text) => {
    const width = Math.max(10, (stream.columns || 80) - 1);
    stream.write(`\r\x1b[2K${text === undefined ? '' : text.slice(0, width)}`);
  };
}
