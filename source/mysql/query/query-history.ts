/**
 * Query console history, persisted as JSON lines (0600). An entry that may
 * hold a secret is never written: account statements with a password, the
 * PASSWORD() family, replication passwords, key literals of the encryption
 * functions, and any literal in a statement that names a password-like
 * column. Dropping the whole entry is simpler to trust than redacting it.
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const SECRET_PATTERNS: readonly RegExp[] = [
  /\bIDENTIFIED\b[\s\S]*?\b(BY|AS|USING)\b/i,
  /\b(OLD_)?PASSWORD\s*\(/i,
  /\bSET\s+PASSWORD\b/i,
  /\b(MASTER|SOURCE)_(PASSWORD|SSL_KEY)\b/i,
  /\b(AES|DES)_(EN|DE)CRYPT\s*\(|\b(ENCODE|DECODE)\s*\(/i,
];
const SECRET_WORD =
  /\b\w*(passw|passwd|pwd|secret|token|api_?key|credential)\w*\b/i;
const LITERAL = /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"/;

/** True when the text may hold a password or key; such entries are not kept. */
export function mayHoldSecret(sql: string): boolean {
  if (SECRET_PATTERNS.some((pattern) => pattern.test(sql))) return true;
  return SECRET_WORD.test(sql) && LITERAL.test(sql);
}

export interface QueryHistory {
  /** Oldest first. */
  readonly entries: () => readonly string[];
  readonly load: () => Promise<readonly string[]>;
  /** Adds and persists an entry; false when it was dropped as possibly secret. */
  readonly add: (sql: string) => Promise<boolean>;
}

export function createQueryHistory(options: {
  file: string;
  limit?: number;
  now?: () => Date;
}): QueryHistory {
  const limit = options.limit ?? 500;
  const now = options.now ?? (() => new Date());
  let entries: string[] = [];
  const persist = async (all: boolean, line?: string) => {
    await mkdir(dirname(options.file), { recursive: true, mode: 0o700 });
    if (all)
      await writeFile(
        options.file,
        entries.map((sql) => `${JSON.stringify({ sql })}\n`).join(''),
        { mode: 0o600 },
      );
    else if (line !== undefined)
      await appendFile(options.file, line, { mode: 0o600 });
  };
  return {
    entries: () => entries,
    async load() {
      const text = await readFile(options.file, 'utf8').catch(() => '');
      entries = text
        .split('\n')
        .flatMap((line) => {
          try {
            const parsed = JSON.parse(line) as { sql?: unknown };
            return typeof parsed.sql === 'string' && !mayHoldSecret(parsed.sql)
              ? [parsed.sql]
              : [];
          } catch {
            return [];
          }
        })
        .slice(-limit);
      return entries;
    },
    async add(sql) {
      const text = sql.trim();
      if (text === '' || mayHoldSecret(text)) return false;
      if (entries.at(-1) === text) return true;
      entries = [...entries, text].slice(-limit);
      const line = `${JSON.stringify({ sql: text, at: now().toISOString() })}\n`;
      // Rewrite only now and then, so a long session appends most of the time.
      await persist(entries.length >= limit, line);
      return true;
    },
  };
}
