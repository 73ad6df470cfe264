/**
 * Splits SQL into tokens the way the server's lexer does, for the parts that
 * decide what a statement may do: where strings, quoted names and comments
 * start and end. A scanner that disagrees with the server about a comment or
 * an escape lets text it took for a string run as code, so these rules follow
 * MariaDB/MySQL exactly:
 * - `--` starts a comment only before an ASCII space or control character
 *   (or the end); `--` before a non-breaking space is two minus signs.
 * - `#` starts a comment; both end at a line feed.
 * - `\` escapes inside strings unless sql_mode has NO_BACKSLASH_ESCAPES.
 * - `"` quotes a name under ANSI_QUOTES, a string otherwise.
 * - `/*! ... *\/` and `/*M! ... *\/` are code the server runs, not comments.
 */

export interface SqlMode {
  readonly noBackslashEscapes: boolean;
  readonly ansiQuotes?: boolean;
}

export type SqlTokenKind =
  'word' | 'string' | 'name' | 'variable' | 'punct' | 'executable-comment';

export interface SqlToken {
  readonly kind: SqlTokenKind;
  /** The source text (for a string or name, with its quotes). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Identifier characters of the server: ASCII letters, digits, _ and $, and anything beyond ASCII. */
const IDENT = /[A-Za-z0-9_$\u0080-\uffff]/;
const VARIABLE = /[A-Za-z0-9_$.\u0080-\uffff]/;
/** What ends a `--` comment's opening: ASCII space, a control character, DEL. */
function endsDashes(char: string | undefined): boolean {
  if (char === undefined) return true;
  const code = char.charCodeAt(0);
  return code <= 0x20 || code === 0x7f;
}

export function sqlModeOf(sqlMode: string): SqlMode {
  return {
    noBackslashEscapes: /NO_BACKSLASH_ESCAPES/i.test(sqlMode),
    ansiQuotes: /ANSI_QUOTES/i.test(sqlMode),
  };
}

function quotedEnd(
  sql: string,
  start: number,
  quote: string,
  escapes: boolean,
): number {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index];
    if (char === '\\' && escapes) index += 2;
    else if (char === quote && sql[index + 1] === quote) index += 2;
    else if (char === quote) return index + 1;
    else index++;
  }
  return sql.length;
}

function lineEnd(sql: string, start: number): number {
  const end = sql.indexOf('\n', start);
  return end < 0 ? sql.length : end + 1;
}

export function lexSql(sql: string, mode: SqlMode): SqlToken[] {
  const tokens: SqlToken[] = [];
  const push = (kind: SqlTokenKind, start: number, end: number) =>
    tokens.push({ kind, text: sql.slice(start, end), start, end });
  let inExecutable = false;
  let index = 0;
  while (index < sql.length) {
    const char = sql[index] ?? '';
    const next = sql[index + 1] ?? '';
    if (char === "'" || char === '"' || char === '`') {
      const name = char === '`' || (char === '"' && mode.ansiQuotes === true);
      const end = quotedEnd(
        sql,
        index,
        char,
        !name && !mode.noBackslashEscapes,
      );
      push(name ? 'name' : 'string', index, end);
      index = end;
    } else if (
      char === '#' ||
      (char === '-' && next === '-' && endsDashes(sql[index + 2]))
    ) {
      index = lineEnd(sql, index);
    } else if (char === '/' && next === '*') {
      const executable = /^\/\*M?!\d*/.exec(sql.slice(index, index + 12));
      if (executable && !inExecutable) {
        // The server lexes what is inside as code; so do we.
        push('executable-comment', index, index + executable[0].length);
        inExecutable = true;
        index += executable[0].length;
      } else {
        const end = sql.indexOf('*/', index + 2);
        index = end < 0 ? sql.length : end + 2;
      }
    } else if (char === '*' && next === '/' && inExecutable) {
      inExecutable = false;
      index += 2;
    } else if (char === '@') {
      // `@name`, `@@scope.name`; before a quote, `@` stands alone (user@'host',
      // @'var') and the quoted part is lexed as what it is.
      let end = index + (next === '@' ? 2 : 1);
      while (end < sql.length && VARIABLE.test(sql[end] ?? '')) end++;
      push('variable', index, end);
      index = end;
    } else if (IDENT.test(char)) {
      let end = index + 1;
      while (end < sql.length && IDENT.test(sql[end] ?? '')) end++;
      push('word', index, end);
      index = end;
    } else if (/\s/.test(char)) {
      index++;
    } else {
      push('punct', index, index + 1);
      index++;
    }
  }
  return tokens;
}
