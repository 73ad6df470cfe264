/**
 * The console's read-only check against the server it runs on: the session's
 * own sql_mode decides how the statement is lexed, and every stored function
 * it calls must be declared NO SQL or READS SQL DATA. (The declaration is
 * advisory, which is why the statement also runs in a read-only transaction.)
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { MysqlLink } from '../mysql-link.js';
import { quoteString } from '../sql-quote.js';
import { text } from '../cells.js';
import { sqlModeOf, type SqlMode } from './sql-lexer.js';
import { classifyStatement, type ReadVerdict } from './read-verdict.js';
import { parseFailure } from './parse-check.js';
import { mysqlError } from '../mysql-errors.js';
import type { FunctionCall } from './sql-statements.js';

const READING = new Set(['NO SQL', 'READS SQL DATA']);

export interface ServerVerdict {
  readonly verdict: ReadVerdict;
  readonly mode: SqlMode;
}

interface RoutineRow extends RowDataPacket {
  schema: string;
  name: string;
  access: string;
}

async function callVerdict(
  link: MysqlLink,
  calls: readonly FunctionCall[],
  database: string | null,
  mode: SqlMode,
): Promise<ReadVerdict> {
  const wanted = calls.flatMap((call) => {
    const schema = call.schema ?? database;
    return schema === null
      ? []
      : [{ name: call.name, schema, qualified: call.schema !== undefined }];
  });
  if (wanted.length === 0) return { read: true, calls };
  const pairs = wanted
    .map(
      (call) =>
        `(ROUTINE_SCHEMA = ${quoteString(call.schema, mode)} AND ROUTINE_NAME = ${quoteString(call.name, mode)})`,
    )
    .join(' OR ');
  const [rows] = await link.connection.query<RoutineRow[]>(
    `SELECT ROUTINE_SCHEMA AS \`schema\`, ROUTINE_NAME AS name, SQL_DATA_ACCESS AS access FROM information_schema.ROUTINES WHERE ROUTINE_TYPE = 'FUNCTION' AND (${pairs})`,
  );
  const key = (schema: string, name: string) =>
    `${schema}\0${name.toLowerCase()}`;
  const found = new Map(
    rows.map((row) => [key(String(row.schema), String(row.name)), row]),
  );
  for (const call of wanted) {
    const routine = found.get(key(call.schema, call.name));
    const label = `${call.schema}.${call.name}`;
    if (routine && !READING.has(String(routine.access)))
      return {
        read: false,
        reason: `it calls ${label}, a function declared ${String(routine.access)}`,
      };
    // An unqualified name with no stored function is a built-in one; a
    // qualified name this account cannot see is not known to only read.
    if (!routine && call.qualified)
      return {
        read: false,
        reason: `it calls ${label}, a function this account cannot see`,
      };
  }
  return { read: true, calls };
}

/**
 * Loadable functions (CREATE FUNCTION ... SONAME) are native code that may do
 * anything; an account that cannot read mysql.func cannot tell, and the
 * read-only transaction still holds for what they do in SQL.
 */
async function loadableVerdict(
  link: MysqlLink,
  calls: readonly FunctionCall[],
  mode: SqlMode,
): Promise<ReadVerdict> {
  const names = calls
    .filter((call) => call.schema === undefined)
    .map((call) => quoteString(call.name.toLowerCase(), mode));
  if (names.length === 0) return { read: true, calls };
  const rows = await link.connection
    .query<RowDataPacket[]>(
      `SELECT name FROM mysql.func WHERE LOWER(name) IN (${names.join(', ')})`,
    )
    .then(([found]): RowDataPacket[] => found)
    .catch((): RowDataPacket[] => []);
  const loadable: unknown = rows[0]?.['name'];
  return loadable === undefined
    ? { read: true, calls }
    : {
        read: false,
        reason: `it calls ${text(loadable)}, a loadable function that may change anything`,
      };
}

/**
 * Classifies `sql` as the server will lex it on this connection. A statement
 * that does not read and does not parse throws the server's syntax error.
 */
export async function serverVerdict(
  link: MysqlLink,
  sql: string,
): Promise<ServerVerdict> {
  const [rows] = await link.connection.query<RowDataPacket[]>(
    'SELECT @@SESSION.sql_mode AS mode, DATABASE() AS db',
  );
  const row: Record<string, unknown> = rows[0] ?? {};
  const mode = sqlModeOf(text(row['mode']));
  const database = typeof row['db'] === 'string' ? row['db'] : null;
  const verdict = classifyStatement(sql, mode);
  if (!verdict.read) {
    // A typo is not "a statement that writes": the server says what is wrong.
    const failure = await parseFailure(link, sql, mode);
    if (failure) throw mysqlError(failure, 'the console connection');
    return { verdict, mode };
  }
  if (verdict.calls.length === 0) return { verdict, mode };
  const stored = await callVerdict(link, verdict.calls, database, mode);
  if (!stored.read) return { verdict: stored, mode };
  return { verdict: await loadableVerdict(link, verdict.calls, mode), mode };
}
