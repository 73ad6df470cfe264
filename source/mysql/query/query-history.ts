/**
 * Query console history, persisted as JSON lines (0600). A statement that
 * touches a password, a key or a hash is kept with every literal replaced by
 * '***' (sql-redact.ts), so the history never holds the secret itself.
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { historyText } from './sql-redact.js';

export interface QueryHistory {
  /** Oldest first. */
  readonly entries: () => readonly string[];
  readonly load: () => Promise<readonly string[]>;
  /** Adds and persists an entry, redacted when it touches a secret; false when empty. */
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
            return typeof parsed.sql === 'string'
              ? [historyText(parsed.sql)]
              : [];
          } catch {
            return [];
          }
        })
        .slice(-limit);
      return entries;
    },
    async add(sql) {
      const text = historyText(sql.trim());
      if (text === '') return false;
      if (entries.at(-1) === text) return true;
      entries = [...entries, text].slice(-limit);
      const line = `${JSON.stringify({ sql: text, at: now().toISOString() })}\n`;
      // Rewrite only now and then, so a long session appends most of the time.
      await persist(entries.length >= limit, line);
      return true;
    },
  };
}
