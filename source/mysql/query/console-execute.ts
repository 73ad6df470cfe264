/**
 * One console statement on its own connection, streamed: rows up to a limit
 * (the connection is dropped past it, which stops the transfer), or the
 * statement's header for one without a result set.
 */
import { performance } from 'node:perf_hooks';
import type { ResultSetHeader } from 'mysql2';
import { toCell, toColumn, type DriverField } from '../cells.js';
import { mysqlError } from '../mysql-errors.js';
import { coreOf, type MysqlLink } from '../mysql-link.js';
import type { Cell, ResultColumn } from '../mysql-values.js';

export type QueryResult =
  | {
      readonly kind: 'rows';
      readonly columns: readonly ResultColumn[];
      readonly rows: readonly (readonly Cell[])[];
      /** More rows existed than maxRows; the rest were not fetched. */
      readonly truncated: boolean;
      readonly elapsedMs: number;
    }
  | {
      readonly kind: 'done';
      readonly affectedRows: number;
      readonly insertId: number;
      readonly warnings: number;
      readonly info: string;
      readonly elapsedMs: number;
    };

export function executeStatement(
  current: MysqlLink,
  sql: string,
  maxRows: number,
  via: string,
): Promise<QueryResult> {
  const started = performance.now();
  return new Promise<QueryResult>((resolve, reject) => {
    let columns: ResultColumn[] | undefined;
    const rows: Cell[][] = [];
    let header: ResultSetHeader | undefined;
    let truncated = false;
    let finished = false;
    const query = coreOf(current.connection).query({ sql, rowsAsArray: true });
    // mysql2 emits 'fields' with undefined for statements without a result set.
    query.on('fields', (fields: DriverField[] | undefined) => {
      if (fields) columns ??= fields.map(toColumn);
    });
    query.on('result', (row: unknown) => {
      if (!Array.isArray(row)) {
        header ??= row as ResultSetHeader;
        return;
      }
      if (rows.length < maxRows) rows.push(row.map(toCell));
      else if (!truncated) {
        // Dropping the connection stops the transfer; a KILL QUERY could arrive
        // after the statement ended and hit the next one. The next run reconnects.
        truncated = true;
        current.abandon();
        done();
      }
    });
    const done = () => {
      if (finished) return;
      finished = true;
      const elapsedMs = performance.now() - started;
      if (columns)
        resolve({ kind: 'rows', columns, rows, truncated, elapsedMs });
      else
        resolve({
          kind: 'done',
          affectedRows: header?.affectedRows ?? 0,
          insertId: header?.insertId ?? 0,
          warnings: header?.warningStatus ?? 0,
          info: header?.info ?? '',
          elapsedMs,
        });
    };
    const fail = (error: Error) => {
      if (finished) return;
      finished = true;
      reject(mysqlError(error, via));
    };
    query.on('error', fail);
    query.on('end', done);
    // A lost connection is reported on the connection, not on a query without a callback.
    const core = coreOf(current.connection);
    core.once('error', fail);
    const detach = () => core.removeListener('error', fail);
    query.once('end', detach);
    query.once('error', detach);
  });
}
