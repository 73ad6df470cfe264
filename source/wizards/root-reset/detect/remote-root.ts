/**
 * Runs a shell script as root on the SSH host: directly when the SSH user is
 * root, else through sudo with its password as the first stdin line. The
 * script travels on stdin too, so nothing secret is ever in a command line.
 */
import { UserError } from '../../../lib/errors.js';
import { shellQuote } from '../../../ssh/shell-quote.js';
import { execSudo, sudoNeedsPassword } from '../../../ssh/sudo-exec.js';
import type { SshSession } from '../../../ssh/ssh-session.js';
import type { ExecOptions, ExecResult } from '../../../ssh/ssh-types.js';

export interface RootShell {
  readonly viaSudo: boolean;
  /** Runs `command` as root with `stdin`; the sudo password goes first, when one is needed. */
  readonly run: (
    command: string,
    options?: ExecOptions & { stdin?: string | Buffer },
  ) => Promise<ExecResult>;
  /** Runs a script (sent on stdin) with arguments. */
  readonly script: (
    text: string,
    args?: readonly string[],
    options?: ExecOptions,
  ) => Promise<ExecResult>;
}

export async function rootShell(
  session: SshSession,
  sudoPassword: string | undefined,
  signal?: AbortSignal,
): Promise<RootShell> {
  const who = await session.exec('id -u', { signal });
  if (who.code !== 0)
    throw new UserError(
      `cannot run commands on ${session.name}: ${who.stderr.trim()}`,
    );
  const viaSudo = who.stdout.trim() !== '0';
  // Whether sudo asks is probed once, not before every command.
  const needsPassword = viaSudo
    ? await sudoNeedsPassword(session, signal)
    : false;
  const run: RootShell['run'] = (command, options = {}) =>
    viaSudo
      ? execSudo(session, command, sudoPassword, { ...options, needsPassword })
      : session.exec(`sh -c ${shellQuote(command)}`, options);
  return {
    viaSudo,
    run,
    script: (text, args = [], options = {}) =>
      run(`sh -s -- ${args.map((arg) => shellQuote(arg)).join(' ')}`, {
        ...options,
        stdin: text,
      }),
  };
}
