/**
 * Quoting for SQL that opsdeck builds. Written here because mysql2's `??`
 * and escapeId() split names on dots ("my.db" becomes `my`.`db`), which
 * addresses a different object; a name here is always one identifier.
 */
import { UserError } from '../lib/errors.js';

/** One identifier in backticks; embedded backticks doubled; dots, quotes and unicode kept as they are. */
export function quoteId(name: string): string {
  if (name.length === 0) throw new UserError('a MySQL name cannot be empty');
  if (name.includes('\0'))
    throw new UserError('a MySQL name cannot contain a NUL character');
  return `\`${name.replaceAll('`', '``')}\``;
}

/** `db`.`table`, each part quoted on its own. */
export function quoteTable(database: string, table: string): string {
  return `${quoteId(database)}.${quoteId(table)}`;
}

export interface LiteralMode {
  /** sql_mode has NO_BACKSLASH_ESCAPES: a backslash is an ordinary character. */
  readonly noBackslashEscapes: boolean;
}

/**
 * A string literal. Single quotes are doubled, which works in every sql_mode;
 * backslashes are doubled only when they are escape characters.
 */
export function quoteString(value: string, mode: LiteralMode): string {
  const body = value.replaceAll("'", "''");
  return `'${mode.noBackslashEscapes ? body : body.replaceAll('\\', '\\\\')}'`;
}

/** 'user'@'host' for account statements. */
export function quoteAccount(
  account: { user: string; host: string },
  mode: LiteralMode,
): string {
  return `${quoteString(account.user, mode)}@${quoteString(account.host, mode)}`;
}

/** X'..' for bytes: binary keys compare exactly, whatever the connection charset. */
export function quoteBytes(value: Buffer): string {
  return `X'${value.toString('hex')}'`;
}

/**
 * A database name for `GRANT ... ON db.*`, where `_` and `%` are wildcards:
 * escaped so a grant on `my_db` does not also cover `myXdb`.
 */
export function grantDatabase(name: string): string {
  return quoteId(name.replace(/[\\_%]/g, (char) => `\\${char}`));
}
