/**
 * Where the reset command gets its secrets: typed in a terminal with no echo,
 * or read as lines from stdin for scripts. Never from arguments or the
 * environment, which other users and shell history can see.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { SshPrompts } from '../../ssh/ssh-types.js';
import type { CommandIo } from '../command-io.js';

/** Reads one line from the terminal without echoing it. */
export async function askHidden(prompt: string): Promise<string | undefined> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const reader = createInterface({
    input: process.stdin,
    output,
    terminal: true,
  });
  try {
    process.stderr.write(prompt);
    muted = true;
    const answer = await reader.question('');
    return answer;
  } catch {
    return undefined;
  } finally {
    muted = false;
    process.stderr.write('\n');
    reader.close();
  }
}

/** The lines of stdin, read once (a script pipes the password in). */
export async function stdinLines(
  input: NodeJS.ReadableStream = process.stdin,
): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of input)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''));
}

/** Host-key and passphrase questions: asked in a terminal, refused without one. */
export function sshPrompts(io: CommandIo): SshPrompts {
  return {
    ask: (prompt) =>
      io.interactive ? askHidden(`${prompt}: `) : Promise.resolve(undefined),
    confirmHostKey: async (question) => {
      io.err(
        `unknown host key for ${question.host}:${question.port}: ${question.keyType} ${question.fingerprintSha256}`,
      );
      if (!io.interactive) {
        io.err(
          'refused without a terminal: connect once from a terminal, or add the key to known_hosts',
        );
        return false;
      }
      return io.ask('Trust this key and save it to known_hosts?');
    },
  };
}
