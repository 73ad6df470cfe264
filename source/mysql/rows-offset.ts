/** LIMIT/OFFSET paging, for tables without a primary key. */
import { UserError } from '../lib/errors.js';
import { count, toCell, toColumn } from './cells.js';
import type { MysqlSession } from './mysql-session.js';
import { quoteString } from './sql-quote.js';
import type { PageCursor, PageRequest, RowPage } from './row-page.js';

/** Above this estimate, "last page" of a table without a key would need a long COUNT(*). */
const COUNT_LIMIT = 1_000_000;

export async function offsetPage(
  session: MysqlSession,
  from: string,
  database: string,
  table: string,
  request: PageRequest,
  limit: number,
  signal?: AbortSignal,
): Promise<RowPage> {
  const positionOf = (cursor: PageCursor) =>
    cursor.kind === 'offset' ? cursor.offset : 0;
  let offset = 0;
  if ('after' in request) offset = positionOf(request.after) + 1;
  else if ('before' in request)
    offset = Math.max(0, positionOf(request.before) - limit);
  else if (request.at === 'last') {
    const mode = session.literalMode();
    const [estimate] = await session.rows(
      `SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${quoteString(database, mode)} AND TABLE_NAME = ${quoteString(table, mode)}`,
    );
    if (count(estimate?.['n']) > COUNT_LIMIT)
      throw new UserError(
        `${table} has no primary key and about ${count(estimate?.['n'])} rows`,
        {
          hint: 'the last page would need a full count; page forward, or use the query console with ORDER BY',
        },
      );
    const [total] = await session.rows(
      `SELECT COUNT(*) AS n FROM ${from}`,
      signal,
    );
    offset = Math.max(0, count(total?.['n']) - limit);
  }
  const result = await session.arrays(
    `SELECT * FROM ${from} LIMIT ${limit + 1} OFFSET ${offset}`,
    signal,
  );
  const raw = result.rows.slice(0, limit);
  return {
    columns: result.fields.map(toColumn),
    rows: raw.map((row) => row.map(toCell)),
    mode: 'offset',
    primaryKey: [],
    hasPrevious: offset > 0,
    hasNext: result.rows.length > limit,
    first: raw.length > 0 ? { kind: 'offset', offset } : undefined,
    last:
      raw.length > 0
        ? { kind: 'offset', offset: offset + raw.length - 1 }
        : undefined,
    offset,
  };
}
