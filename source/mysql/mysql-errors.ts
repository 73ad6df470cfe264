/** mysql2 errors turned into messages a sysadmin can act on. */
import { UserError } from '../lib/errors.js';

interface MysqlDriverError extends Error {
  code?: string;
  errno?: number;
  sqlMessage?: string;
  fatal?: boolean;
}

const LOST = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);

export class ConnectionLostError extends UserError {
  override readonly name = 'ConnectionLostError';
}

function isConnectionLost(error: unknown): boolean {
  const failure = error as MysqlDriverError;
  return (
    error instanceof ConnectionLostError ||
    LOST.has(failure?.code ?? '') ||
    /connection lost|closed state|Can't add new command when connection is in closed state/i.test(
      failure?.message ?? '',
    )
  );
}

const PRIVILEGE_CODES = new Set([
  'ER_DBACCESS_DENIED_ERROR',
  'ER_TABLEACCESS_DENIED_ERROR',
  'ER_COLUMNACCESS_DENIED_ERROR',
  'ER_SPECIFIC_ACCESS_DENIED_ERROR',
  'ER_KILL_DENIED_ERROR',
]);

/** `via` names the tunnel ("app@db1 through admin@bastion"). */
export function mysqlError(error: unknown, via: string): UserError {
  if (error instanceof UserError) return error;
  const failure = error as MysqlDriverError;
  const text = failure.sqlMessage ?? failure.message ?? String(error);
  const code = failure.code ?? '';
  if (isConnectionLost(error))
    return new ConnectionLostError(
      `the MySQL connection through ${via} was lost`,
      {
        cause: error,
        hint: 'the next action reconnects; the statement that was running was not retried',
      },
    );
  if (
    code === 'ER_ACCESS_DENIED_ERROR' ||
    code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR'
  )
    return new UserError(`MySQL: ${text}`, {
      cause: error,
      hint: 'check the user and password; MySQL sees the connection coming from the SSH host, so the account host must allow it (localhost for a socket, 127.0.0.1 for TCP)',
    });
  if (code === 'ER_BAD_DB_ERROR')
    return new UserError(`MySQL: ${text}`, {
      cause: error,
      hint: 'pick a database from the list',
    });
  if (PRIVILEGE_CODES.has(code))
    return new UserError(`MySQL: ${text}`, {
      cause: error,
      hint: 'this MySQL user lacks the privilege; connect as an administrator',
    });
  if (code === 'ER_QUERY_INTERRUPTED')
    return new UserError('the query was cancelled', { cause: error });
  if (code === 'ER_NO_SUCH_TABLE')
    return new UserError(`MySQL: ${text}`, {
      cause: error,
      hint: 'refresh the table list',
    });
  if (code === 'ER_CANNOT_USER')
    return new UserError(`MySQL: ${text}`, {
      cause: error,
      hint: 'the account already exists (create) or does not exist (drop, alter)',
    });
  if (code === 'ETIMEDOUT')
    return new UserError(`MySQL did not answer through ${via}`, {
      cause: error,
      hint: 'check that the MySQL address in the profile is right as seen from the SSH host',
    });
  return new UserError(`MySQL${code ? ` ${code}` : ''}: ${text}`, {
    cause: error,
  });
}
