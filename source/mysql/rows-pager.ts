/**
 * Pages through a table without loading it: keyset paging on the primary key
 * (first, next, previous, last; each one indexed range read, from either
 * end), or LIMIT/OFFSET when the table has no primary key.
 */
import { UserError } from '../lib/errors.js';
import { literalFor, text, toCell, toColumn } from './cells.js';
import { offsetPage } from './rows-offset.js';
import type { MysqlSession } from './mysql-session.js';
import { quoteId, quoteString, quoteTable } from './sql-quote.js';
import type { ResultColumn } from './mysql-values.js';
import type { PageCursor, RowPager } from './row-page.js';

function keyCondition(
  keys: readonly string[],
  op: '>' | '<',
  literal: (index: number) => string,
): string {
  // (a > x) OR (a = x AND b > y) ...: a row comparison that every version turns into a range.
  return keys
    .map((_, depth) =>
      keys
        .slice(0, depth + 1)
        .map(
          (key, index) =>
            `${quoteId(key)} ${index === depth ? op : '='} ${literal(index)}`,
        )
        .join(' AND '),
    )
    .map((part) => `(${part})`)
    .join(' OR ');
}

export function createRowPager(session: MysqlSession): RowPager {
  async function primaryKey(
    database: string,
    table: string,
    signal?: AbortSignal,
  ): Promise<string[]> {
    const mode = session.literalMode();
    const rows = await session.rows(
      `SELECT COLUMN_NAME AS col FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = ${quoteString(database, mode)} AND TABLE_NAME = ${quoteString(table, mode)}
          AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX`,
      signal,
    );
    return rows.map((row) => text(row['col']));
  }

  return {
    async page(database, table, request, options = {}) {
      const limit = Math.max(1, Math.min(options.limit ?? 100, 10_000));
      await session.connect(options.signal);
      const keys = await primaryKey(database, table, options.signal);
      const from = quoteTable(database, table);
      if (keys.length === 0)
        return offsetPage(
          session,
          from,
          database,
          table,
          request,
          limit,
          options.signal,
        );
      const backwards =
        'before' in request || ('at' in request && request.at === 'last');
      const order = keys
        .map((key) => `${quoteId(key)} ${backwards ? 'DESC' : 'ASC'}`)
        .join(', ');
      const cursor =
        'after' in request
          ? request.after
          : 'before' in request
            ? request.before
            : undefined;
      let where = '';
      if (cursor) {
        if (cursor.kind !== 'key')
          throw new UserError('this page cursor belongs to another table');
        const mode = session.literalMode();
        where = `WHERE ${keyCondition(keys, backwards ? '<' : '>', (index) =>
          literalFor(
            cursor.values[index],
            cursor.columns[index] as ResultColumn,
            mode,
          ),
        )}`;
      }
      const result = await session.arrays(
        `SELECT * FROM ${from} ${where} ORDER BY ${order} LIMIT ${limit + 1}`,
        options.signal,
      );
      const columns = result.fields.map(toColumn);
      const more = result.rows.length > limit;
      const raw = result.rows.slice(0, limit);
      if (backwards) raw.reverse();
      const keyIndexes = keys.map((key) =>
        columns.findIndex((column) => column.name === key),
      );
      const keyColumns = keyIndexes.map(
        (index) => columns[index] as ResultColumn,
      );
      const cursorOf = (row: unknown[] | undefined): PageCursor | undefined =>
        row && {
          kind: 'key',
          values: keyIndexes.map((index) => row[index]),
          columns: keyColumns,
        };
      return {
        columns,
        rows: raw.map((row) => row.map(toCell)),
        mode: 'keyset',
        primaryKey: keys,
        hasPrevious: backwards ? more : cursor !== undefined,
        hasNext: backwards ? cursor !== undefined : more,
        first: cursorOf(raw[0]),
        last: cursorOf(raw[raw.length - 1]),
        offset: undefined,
      };
    },
  };
}
