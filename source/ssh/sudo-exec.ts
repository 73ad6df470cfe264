/**
 * Runs a command as root through sudo with the password on stdin, never in
 * argv: `sudo -S -p ''` reads exactly one line and hands the rest of stdin to
 * the command. When sudo needs no password (`sudo -n true` succeeds) the
 * password is not sent, so it can never leak into the command's input.
 */
import { UserError } from '../lib/errors.js';
import { shellQuote } from './shell-quote.js';
import type { SshSession } from './ssh-session.js';
import type { ExecOptions, ExecResult } from './ssh-types.js';

export async function sudoNeedsPassword(
  session: SshSession,
  signal?: AbortSignal,
): Promise<boolean> {
  const probe = await session.exec('sudo -n true', { signal });
  if (probe.code === 127)
    throw new UserError(`sudo is not installed on ${session.name}`);
  return probe.code !== 0;
}

export async function execSudo(
  session: SshSession,
  command: string,
  password: string | undefined,
  options: ExecOptions & {
    stdin?: string | Buffer;
    /** Known from an earlier probe, saving a round trip per command. */
    needsPassword?: boolean;
  } = {},
): Promise<ExecResult> {
  const { needsPassword: known, ...execOptions } = options;
  const needsPassword =
    known ?? (await sudoNeedsPassword(session, options.signal));
  if (needsPassword && password === undefined)
    throw new UserError(`sudo on ${session.name} needs a password`);
  if (password !== undefined && /[\r\n]/.test(password))
    throw new UserError('a sudo password cannot contain a line break');
  const input = Buffer.concat([
    Buffer.from(needsPassword ? `${password}\n` : ''),
    Buffer.from(options.stdin ?? ''),
  ]);
  const result = await session.exec(
    `sudo -S -p '' -- sh -c ${shellQuote(command)}`,
    { ...execOptions, stdin: input },
  );
  if (/incorrect password|Sorry, try again/i.test(result.stderr))
    throw new UserError(`sudo on ${session.name} refused the password`, {
      hint: 'check the sudo password of the SSH user',
    });
  if (/is not in the sudoers file|not allowed to execute/i.test(result.stderr))
    throw new UserError(`the SSH user may not use sudo on ${session.name}`, {
      hint: result.stderr.trim(),
    });
  return result;
}
