/**
 * Statements with their literals hidden, for the query history and the event
 * log. A literal is found under both backslash rules, so a statement lexed
 * under the other sql_mode still shows no part of one.
 */
import { lexSql, type SqlMode } from './sql-lexer.js';

const SECRET_PATTERNS: readonly RegExp[] = [
  /\bIDENTIFIED\b/i,
  /\b(CREATE|ALTER)\s+USER\b/i,
  /\bSET\s+PASSWORD\b/i,
  /\b(OLD_)?PASSWORD\s*\(/i,
  /\b(MASTER|SOURCE)_(PASSWORD|SSL_KEY)\b/i,
  /\b(SHA[12]?|MD5|ENCRYPT|(AES|DES)_(EN|DE)CRYPT|ENCODE|DECODE|KDF)\s*\(/i,
  /\w*(pass|pwd|secret|token|api_?key|credential|salt|hash)\w*/i,
];

/** True when the statement touches passwords, keys or hashes. */
export function touchesSecret(sql: string): boolean {
  return SECRET_PATTERNS.some((pattern) => pattern.test(sql));
}

const MODES: readonly SqlMode[] = [
  { noBackslashEscapes: false },
  { noBackslashEscapes: true },
];
const HEX = /^(0x[0-9a-f]+|0b[01]+)$/i;

/** Every string (and hex) literal replaced by '***'. */
export function redactLiterals(sql: string): string {
  const hidden = new Uint8Array(sql.length);
  for (const mode of MODES)
    for (const token of lexSql(sql, mode))
      if (
        token.kind === 'string' ||
        (token.kind === 'word' && HEX.test(token.text))
      )
        hidden.fill(1, token.start, token.end);
  let out = '';
  for (let index = 0; index < sql.length; index++) {
    if (hidden[index] === 0) out += sql[index];
    else if (index === 0 || hidden[index - 1] === 0) out += "'***'";
  }
  return out;
}

/** What the history keeps: the statement, its literals hidden when it touches a secret. */
export function historyText(sql: string): string {
  return touchesSecret(sql) ? redactLiterals(sql) : sql;
}
