/**
 * What a console statement may do, from its tokens (sql-lexer.ts): how many
 * statements there are, their keywords outside strings and comments, and the
 * functions they call. Read-only mode lets a statement run only when this says
 * it reads; the server then runs it in a read-only transaction as well.
 */
import { lexSql, type SqlMode, type SqlToken } from './sql-lexer.js';

export interface FunctionCall {
  /** The schema when the call names one (`db.fn()`). */
  readonly schema?: string;
  readonly name: string;
}

export interface ScannedStatement {
  /** Bare words, upper-cased, in order (not inside literals or comments). */
  readonly words: readonly string[];
  /** The first significant token: a word or '('. */
  readonly first: string | undefined;
  /** `/*! ... *\/` or `/*M! ... *\/`: code the server runs but a reader may miss. */
  readonly executableComment: boolean;
  /** `name(` and `schema.name(`: built-in functions and stored ones alike. */
  readonly calls: readonly FunctionCall[];
}

/** Backslashes escape, double quotes quote strings: the server's default. */
export const DEFAULT_MODE: SqlMode = { noBackslashEscapes: false };

function unquoted(token: SqlToken): string {
  return token.kind === 'name'
    ? token.text
        .slice(1, -1)
        .replaceAll(token.text.charAt(0).repeat(2), token.text.charAt(0))
    : token.text;
}

function callsOf(tokens: readonly SqlToken[]): FunctionCall[] {
  const calls: FunctionCall[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' && token.kind !== 'name') return;
    if (tokens[index + 1]?.text !== '(') return;
    const dot = tokens[index - 1];
    const schema = tokens[index - 2];
    const qualified =
      dot?.text === '.' &&
      dot.kind === 'punct' &&
      (schema?.kind === 'word' || schema?.kind === 'name');
    calls.push(
      qualified && schema
        ? { schema: unquoted(schema), name: unquoted(token) }
        : { name: unquoted(token) },
    );
  });
  return calls;
}

function scanned(tokens: SqlToken[]): ScannedStatement {
  const first = tokens[0];
  return {
    words: tokens
      .filter((token) => token.kind === 'word')
      .map((token) => token.text.toUpperCase()),
    first:
      first === undefined
        ? undefined
        : first.kind === 'word'
          ? first.text.toUpperCase()
          : first.text.charAt(0),
    executableComment: tokens.some(
      (token) => token.kind === 'executable-comment',
    ),
    calls: callsOf(
      tokens.filter((token) => token.kind !== 'executable-comment'),
    ),
  };
}

/** Splits on `;` outside literals and comments; empty statements are dropped. */
export function scanStatements(
  sql: string,
  mode: SqlMode = DEFAULT_MODE,
): ScannedStatement[] {
  const statements: ScannedStatement[] = [];
  let current: SqlToken[] = [];
  for (const token of lexSql(sql, mode)) {
    if (token.kind === 'punct' && token.text === ';') {
      if (current.length > 0) statements.push(scanned(current));
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) statements.push(scanned(current));
  return statements;
}
