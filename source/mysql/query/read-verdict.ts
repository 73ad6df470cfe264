/**
 * Whether a console statement only reads, from its words alone. The stored
 * functions it calls are checked against the server by read-only-check.ts.
 */
import type { SqlMode } from './sql-lexer.js';
import {
  DEFAULT_MODE,
  scanStatements,
  type FunctionCall,
  type ScannedStatement,
} from './sql-statements.js';

const READ_FIRST = new Set([
  'SELECT',
  'SHOW',
  'DESCRIBE',
  'DESC',
  'EXPLAIN',
  'WITH',
  'HELP',
  'USE',
  '(',
]);
/** Statements that only describe things: their words cannot write (SHOW CREATE TABLE). */
const DESCRIBING = new Set(['SHOW', 'HELP', 'USE']);
/** Any of these inside a SELECT/WITH/EXPLAIN makes it a write (or a lock, or a file). */
const WRITE_WORDS = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'REPLACE',
  'CREATE',
  'DROP',
  'ALTER',
  'TRUNCATE',
  'GRANT',
  'REVOKE',
  'SET',
  'LOAD',
  'CALL',
  'LOCK',
  'RENAME',
  'HANDLER',
  'DO',
  'OPTIMIZE',
  'REPAIR',
  'FLUSH',
  'KILL',
  'RESET',
  'PURGE',
  'INSTALL',
  'UNINSTALL',
  'SHUTDOWN',
  'EXECUTE',
  'PREPARE',
]);
/** Functions that change state outside any transaction, or read the server's files. */
const UNSAFE_FUNCTIONS: Readonly<Record<string, string>> = {
  SETVAL: 'SETVAL changes a sequence',
  NEXTVAL: 'NEXTVAL advances a sequence',
  GET_LOCK: 'GET_LOCK takes a named lock',
  LOAD_FILE: "LOAD_FILE reads a file on the server's disk",
};

export type ReadVerdict =
  | { readonly read: true; readonly calls: readonly FunctionCall[] }
  | { readonly read: false; readonly reason: string };

/** Functions that act outside any transaction, or that run the statement they describe. */
function unsafeWord(words: readonly string[]): string | undefined {
  for (const [index, word] of words.entries()) {
    const unsafe = UNSAFE_FUNCTIONS[word];
    if (unsafe) return unsafe;
    if (word === 'NEXT' && words[index + 1] === 'VALUE')
      return 'NEXT VALUE FOR advances a sequence';
  }
  return undefined;
}

function writeWord(words: readonly string[]): string | undefined {
  for (const [index, word] of words.entries()) {
    if (word === 'INTO')
      return /^(OUTFILE|DUMPFILE)$/.test(words[index + 1] ?? '')
        ? `INTO ${words[index + 1]} writes a file on the server`
        : 'it contains INTO';
    if (word === 'ANALYZE')
      return `${words[0] ?? ''} ANALYZE runs the statement it describes`;
  }
  const writer = words.find((word) => WRITE_WORDS.has(word));
  return writer ? `it contains ${writer}` : undefined;
}

/** Read-only mode lets a statement through only when this says it reads. */
export function classifyStatement(
  sql: string,
  mode: SqlMode = DEFAULT_MODE,
): ReadVerdict {
  if (sql.includes('\0'))
    return { read: false, reason: 'it contains a NUL character' };
  const statements = scanStatements(sql, mode);
  if (statements.length !== 1)
    return {
      read: false,
      reason: statements.length === 0 ? 'nothing to run' : 'several statements',
    };
  const [statement] = statements as [ScannedStatement];
  if (statement.executableComment)
    return { read: false, reason: 'it has an executable comment (/*! ... */)' };
  const first = statement.first === '(' ? statement.words[0] : statement.first;
  if (
    statement.first === undefined ||
    !READ_FIRST.has(statement.first) ||
    first === undefined
  )
    return { read: false, reason: `${first ?? 'it'} is not a read statement` };
  // SHOW ... WHERE evaluates expressions too: its functions are checked.
  const reason =
    unsafeWord(statement.words) ??
    (DESCRIBING.has(first) ? undefined : writeWord(statement.words));
  return reason
    ? { read: false, reason }
    : { read: true, calls: statement.calls };
}

/** The first keyword, for the event log (never the SQL text: it may hold secrets). */
export function statementKeyword(sql: string): string {
  return scanStatements(sql)[0]?.words[0] ?? 'statement';
}
