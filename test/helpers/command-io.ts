/** A subcommand's io for tests: lines kept, questions answered as told. */
import type { CommandIo } from '../../source/commands/command-io.js';

export interface CapturedIo extends CommandIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function capturedIo(
  answers: { readonly yes?: boolean; readonly typed?: string } = {},
): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const interactive = answers.yes !== undefined || answers.typed !== undefined;
  return {
    stdout,
    stderr,
    out: (line) => void stdout.push(line),
    err: (line) => void stderr.push(line),
    interactive,
    ask: () => Promise.resolve(answers.yes === true),
    prompt: () => Promise.resolve(answers.typed ?? ''),
    signal: new AbortController().signal,
  };
}
