/**
 * Asks the server to parse a statement without running it (PREPARE), so a
 * typo is reported as the server's own syntax error ("... near 'SELEC 1' at
 * line 1") instead of being taken for a statement that writes. Only a parse
 * error counts: a statement that cannot be prepared, or fails for another
 * reason, is judged by the read-only rules as before, and nothing runs here.
 */
import { quoteString } from '../sql-quote.js';
import type { MysqlLink } from '../mysql-link.js';
import { lexSql, type SqlMode } from './sql-lexer.js';

const PARSE_ERRORS = new Set([
  'ER_PARSE_ERROR',
  'ER_SYNTAX_ERROR',
  'ER_EMPTY_QUERY',
]);
const CHECK = 'opsdeck_parse_check';

/** The statement without its closing `;` (PREPARE takes exactly one, unterminated). */
function unterminated(sql: string, mode: SqlMode): string {
  const end = lexSql(sql, mode).find(
    (token) => token.kind === 'punct' && token.text === ';',
  );
  return end === undefined ? sql : sql.slice(0, end.start);
}

/** The server's parse error for `sql`, or undefined when it parses (or cannot tell). */
export async function parseFailure(
  link: MysqlLink,
  sql: string,
  mode: SqlMode,
): Promise<Error | undefined> {
  if (sql.includes('\0')) return undefined;
  try {
    await link.connection.query(
      `PREPARE ${CHECK} FROM ${quoteString(unterminated(sql, mode), mode)}`,
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && PARSE_ERRORS.has(code)
      ? (error as Error)
      : undefined;
  }
  await link.connection
    .query(`DEALLOCATE PREPARE ${CHECK}`)
    .catch(() => undefined);
  return undefined;
}
