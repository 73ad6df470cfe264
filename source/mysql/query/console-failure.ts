/**
 * How a failed console statement is logged: the server's error code and the
 * statement with every literal hidden. Never the server's message, which
 * quotes the statement (`near 'IDENTIFIED BY 'hunter2''`).
 */
import { describeError } from '../../lib/errors.js';
import { redactLiterals } from './sql-redact.js';

interface DriverFailure {
  readonly code?: unknown;
  readonly errno?: unknown;
}

function driverCode(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, errno } = cause as DriverFailure;
    if (typeof code === 'string' && typeof errno === 'number')
      return `${code} (${errno})`;
  }
  return undefined;
}

/** The server's error code, when the server answered with one. */
export function serverErrorCode(error: unknown): string | undefined {
  return driverCode(error)?.split(' ')[0];
}

export function consoleFailure(error: unknown, sql: string): string {
  const statement = redactLiterals(sql).replace(/\s+/g, ' ').trim();
  // Plain dots: the log is drawn under --ascii too, and read with grep.
  const shown =
    statement.length > 160 ? `${statement.slice(0, 157)}...` : statement;
  return `${driverCode(error) ?? describeError(error)}: ${shown}`;
}
