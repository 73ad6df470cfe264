/**
 * A small SQL scanner for the query console: counts statements and finds
 * their keywords outside strings, quoted names and comments. It classifies
 * what the person typed for read-only mode; the server still parses the SQL.
 */

export interface ScannedStatement {
  /** Bare words, upper-cased, in order (not inside literals or comments). */
  readonly words: readonly string[];
  /** The first significant token: a word or '('. */
  readonly first: string | undefined;
  /** `/*! ... *\/` or `/*M! ... *\/`: code the server runs but a reader may miss. */
  readonly executableComment: boolean;
}

/** Splits on `;` outside literals and comments; empty statements are dropped. */
export function scanStatements(sql: string): ScannedStatement[] {
  const statements: ScannedStatement[] = [];
  let words: string[] = [];
  let first: string | undefined;
  let executable = false;
  let meaningful = false;
  const finish = () => {
    if (meaningful)
      statements.push({ words, first, executableComment: executable });
    words = [];
    first = undefined;
    executable = false;
    meaningful = false;
  };
  let index = 0;
  while (index < sql.length) {
    const char = sql[index] ?? '';
    const next = sql[index + 1] ?? '';
    if (char === "'" || char === '"' || char === '`') {
      index = skipQuoted(sql, index, char);
      meaningful = true;
      first ??= char;
      continue;
    }
    if (
      char === '#' ||
      (char === '-' && next === '-' && /[\s]|^$/.test(sql[index + 2] ?? ''))
    ) {
      const end = sql.indexOf('\n', index);
      index = end < 0 ? sql.length : end + 1;
      continue;
    }
    if (char === '/' && next === '*') {
      if (/^\/\*M?!/.test(sql.slice(index, index + 4))) {
        executable = true;
        meaningful = true;
      }
      const end = sql.indexOf('*/', index + 2);
      index = end < 0 ? sql.length : end + 2;
      continue;
    }
    if (char === ';') {
      finish();
      index++;
      continue;
    }
    if (/[\p{L}\p{N}_$@]/u.test(char)) {
      const match = /^[\p{L}\p{N}_$@.]+/u.exec(sql.slice(index));
      const word = match?.[0] ?? char;
      words.push(word.toUpperCase());
      first ??= word.toUpperCase();
      meaningful = true;
      index += word.length;
      continue;
    }
    if (!/\s/.test(char)) {
      meaningful = true;
      first ??= char;
    }
    index++;
  }
  finish();
  return statements;
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index];
    if (char === '\\' && quote !== '`') index += 2;
    else if (char === quote && sql[index + 1] === quote) index += 2;
    else if (char === quote) return index + 1;
    else index++;
  }
  return index;
}

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
const DESCRIBING = new Set(['SHOW', 'DESCRIBE', 'DESC', 'HELP', 'USE']);
/** Any of these inside a SELECT/WITH/EXPLAIN makes it a write (or a lock, or a file). */
const WRITE_WORDS = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'REPLACE',
  'INTO',
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
  'ANALYZE',
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

export type ReadVerdict =
  { readonly read: true } | { readonly read: false; readonly reason: string };

/** Read-only mode lets a statement through only when this says it reads. */
export function classifyStatement(sql: string): ReadVerdict {
  const statements = scanStatements(sql);
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
  if (DESCRIBING.has(first)) return { read: true };
  const writer = statement.words.find((word) => WRITE_WORDS.has(word));
  if (writer) return { read: false, reason: `it contains ${writer}` };
  return { read: true };
}

/** The first keyword, for the event log (never the SQL text: it may hold secrets). */
export function statementKeyword(sql: string): string {
  return scanStatements(sql)[0]?.words[0] ?? 'statement';
}
