/**
 * Runs a command as root through sudo with the password on stdin, never in
 * argv. The password must always be consumed by sudo, never by the command:
 * where sudo caches credentials across sessions (timestamp_type=global,
 * !tty_tickets), or does not ask at all, a password line sent anyway would
 * be the first line a root shell reads. So:
 * - the probe and every run use `-k`, so a cached credential never changes
 *   whether sudo reads a password;
 * - when no password is needed (NOPASSWD), none is sent and `-n` makes sudo
 *   fail rather than read the command's input as one;
 * - when one is sent, a random marker line follows it and a gate reads up to
 *   the marker before the command starts: if sudo did not take the password
 *   line, the gate swallows it and it never runs.
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../lib/errors.js';
import { shellQuote } from './shell-quote.js';
import type { SshSession } from './ssh-session.js';
import type { ExecOptions, ExecResult } from './ssh-types.js';

const GATE_FAILED = 'opsdeck: sudo did not take the password line';
/** $1: the marker; $2: the command. At most the password line comes before the marker. */
const GATE = `IFS= read -r l || exit 92; if [ "$l" != "$1" ]; then IFS= read -r l || exit 92; [ "$l" = "$1" ] || { echo ${shellQuote(GATE_FAILED)} >&2; exit 92; }; fi; exec sh -c "$2"`;

export async function sudoNeedsPassword(
  session: SshSession,
  signal?: AbortSignal,
): Promise<boolean> {
  const probe = await session.exec('sudo -k -n true', { signal });
  if (probe.code === 127)
    throw new UserError(`sudo is not installed on ${session.name}`);
  return probe.code !== 0;
}

/** The command line and the stdin prefix for one sudo run. */
export function sudoInvocation(
  command: string,
  password: string | undefined,
  marker = `opsdeck-${randomBytes(12).toString('hex')}`,
): { command: string; input: string } {
  if (password === undefined)
    return { command: `sudo -n -- sh -c ${shellQuote(command)}`, input: '' };
  return {
    command: `sudo -k -S -p '' -- sh -c ${shellQuote(GATE)} sh ${marker} ${shellQuote(command)}`,
    input: `${password}\n${marker}\n`,
  };
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
  const invocation = sudoInvocation(
    command,
    needsPassword ? password : undefined,
  );
  const result = await session.exec(invocation.command, {
    ...execOptions,
    stdin: Buffer.concat([
      Buffer.from(invocation.input),
      Buffer.from(options.stdin ?? ''),
    ]),
  });
  if (/incorrect password|Sorry, try again/i.test(result.stderr))
    throw new UserError(`sudo on ${session.name} refused the password`, {
      hint: 'check the sudo password of the SSH user',
    });
  if (/a password is required/i.test(result.stderr))
    throw new UserError(`sudo on ${session.name} needs a password`, {
      hint: 'open the wizard again: it asks for the sudo password',
    });
  if (/is not in the sudoers file|not allowed to execute/i.test(result.stderr))
    throw new UserError(`the SSH user may not use sudo on ${session.name}`, {
      hint: result.stderr.trim(),
    });
  if (result.stderr.includes(GATE_FAILED))
    throw new UserError(`sudo on ${session.name} did not take the password`, {
      hint: 'nothing ran; check the sudo configuration of the SSH user',
    });
  return result;
}
