/** ssh2 errors turned into messages a sysadmin can act on. */
import { UserError } from '../lib/errors.js';

interface Ssh2Error extends Error {
  level?: string;
  code?: string;
  reason?: number | string;
}

/** A connection-level failure for `name` (user@host:port). */
export function sshConnectError(
  error: unknown,
  name: string,
  tried: readonly string[],
): UserError {
  if (error instanceof UserError) return error;
  const failure = error as Ssh2Error;
  const message = failure.message ?? String(error);
  switch (failure.level ?? '') {
    case 'client-authentication':
      return new UserError(`SSH login to ${name} was refused`, {
        cause: error,
        hint:
          tried.length > 0
            ? `tried ${tried.join(', ')}; check that the public key is in the server's authorized_keys`
            : 'no key to try: load one into ssh-agent or set an identity file in the profile or ~/.ssh/config',
      });
    case 'client-timeout':
      return new UserError(`SSH to ${name} timed out (${message})`, {
        cause: error,
        hint: 'check the address and that port is reachable (security group, firewall)',
      });
    case 'client-dns':
      return new UserError(`cannot resolve the SSH host of ${name}`, {
        cause: error,
        hint: 'check the host name or the HostName in ~/.ssh/config',
      });
    default:
      break;
  }
  if (failure.code === 'ECONNREFUSED')
    return new UserError(`SSH connection to ${name} refused`, {
      cause: error,
      hint: 'is sshd running and listening on that port?',
    });
  if (failure.code === 'EHOSTUNREACH' || failure.code === 'ETIMEDOUT')
    return new UserError(`cannot reach ${name} (${failure.code})`, {
      cause: error,
      hint: 'check the address, the security group and the route',
    });
  if (/no matching/i.test(message))
    return new UserError(`SSH to ${name}: ${message}`, {
      cause: error,
      hint: 'the server allows no algorithm this client supports',
    });
  return new UserError(`SSH to ${name} failed: ${message}`, { cause: error });
}

/** A refused forwardOut/streamlocal channel: say what sshd refused. */
export function tunnelError(
  error: unknown,
  target: string,
  via: string,
): UserError {
  const failure = error as Ssh2Error;
  const reason = failure.reason;
  if (reason === 1)
    return new UserError(`${via} refused to open a tunnel to ${target}`, {
      cause: error,
      hint: 'sshd forbids forwarding: AllowTcpForwarding (or AllowStreamLocalForwarding for a socket) and PermitOpen in sshd_config',
    });
  if (reason === 2)
    return new UserError(`nothing answered at ${target} as seen from ${via}`, {
      cause: error,
      hint: 'check the MySQL address in the profile: it is resolved on the SSH host (127.0.0.1:3306 by default)',
    });
  return new UserError(
    `tunnel to ${target} through ${via} failed: ${failure.message ?? String(error)}`,
    { cause: error },
  );
}

export class DisconnectedError extends UserError {
  override readonly name = 'DisconnectedError';
  constructor(name: string, cause?: unknown) {
    super(`the SSH connection to ${name} dropped`, {
      cause,
      hint: 'the next action reconnects; work that was running was not retried',
    });
  }
}

/** The error to reject with when work is cancelled through an AbortSignal. */
export function abortError(signal: AbortSignal | undefined): Error {
  if (signal?.reason instanceof Error) return signal.reason;
  const error = new Error('cancelled');
  error.name = 'AbortError';
  return error;
}
