/** How a wizard's subcommand talks to the world: injected, so tests call it directly. */
import { createInterface } from 'node:readline/promises';

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly interactive: boolean;
  readonly ask: (question: string) => Promise<boolean>;
}

export const processIo = (): CommandIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: process.stdin.isTTY && process.stderr.isTTY,
  async ask(question) {
    const prompt = createInterface({
      input: process.stdin,
      output: process.stderr,
    });
    try {
      return /^y(es)?$/i.test(
        (await prompt.question(`${question} [y/N] `)).trim(),
      );
    } finally {
      prompt.close();
    }
  },
});
