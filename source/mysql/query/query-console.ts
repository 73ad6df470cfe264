/**
 * The query console: sends exactly what the person typed, one statement at a
 * time, on a connection of its own (so a long query never blocks the other
 * views), and cancels with KILL QUERY from the admin connection.
 *
 * Several statements are refused rather than sent with multipleStatements:
 * results, errors and read-only checks then always belong to one statement,
 * and no text can hide a second statement behind the first.
 */
import { performance } from 'node:perf_hooks';
import type { ResultSetHeader } from 'mysql2';
import { UserError } from '../../lib/errors.js';
import { ReadOnlyError } from '../../safety/read-only.js';
import { toCell, toColumn, type DriverField } from '../cells.js';
import { mysqlError } from '../mysql-errors.js';
import { coreOf, type MysqlLink } from '../mysql-link.js';
import type { MysqlSession } from '../mysql-session.js';
import type { Cell, ResultColumn } from '../mysql-values.js';
import type { QueryHistory } from './query-history.js';
import {
  classifyStatement,
  scanStatements,
  statementKeyword,
} from './sql-statements.js';

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

export interface QueryConsole {
  readonly run: (
    sql: string,
    options?: { signal?: AbortSignal; maxRows?: number },
  ) => Promise<QueryResult>;
  /** Cancels the running statement; false when nothing was running. */
  readonly cancel: () => Promise<boolean>;
  readonly running: () => boolean;
  readonly close: () => Promise<void>;
}

export function checkConsoleInput(sql: string): void {
  if (/^\s*delimiter\b/i.test(sql))
    throw new UserError('DELIMITER is a mysql client command, not SQL', {
      hint: 'type the CREATE PROCEDURE/TRIGGER statement as it is; no delimiter is needed here',
    });
  const count = scanStatements(sql).length;
  if (count === 0) throw new UserError('nothing to run');
  if (count > 1)
    throw new UserError(
      `${count} statements: the console runs one statement at a time`,
      {
        hint: 'run them one by one (a trailing ; is fine)',
      },
    );
}

export function createQueryConsole(
  session: MysqlSession,
  options: { history?: QueryHistory } = {},
): QueryConsole {
  let link: MysqlLink | undefined;
  let busy: MysqlLink | undefined;

  async function consoleLink(signal?: AbortSignal): Promise<MysqlLink> {
    if (link && !link.dead()) return link;
    if (link) void link.close();
    link = await session.openExtra({ signal });
    return link;
  }

  function execute(
    current: MysqlLink,
    sql: string,
    maxRows: number,
  ): Promise<QueryResult> {
    const started = performance.now();
    return new Promise<QueryResult>((resolve, reject) => {
      let columns: ResultColumn[] | undefined;
      const rows: Cell[][] = [];
      let header: ResultSetHeader | undefined;
      let truncated = false;
      let finished = false;
      const query = coreOf(current.connection).query({
        sql,
        rowsAsArray: true,
      });
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
      query.on('error', (error: Error) => {
        if (finished) return;
        finished = true;
        reject(mysqlError(error, session.ssh.name));
      });
      query.on('end', done);
      // A lost connection is reported on the connection, not on a query without a callback.
      const core = coreOf(current.connection);
      const onLost = (error: Error) => {
        if (finished) return;
        finished = true;
        reject(mysqlError(error, session.ssh.name));
      };
      core.once('error', onLost);
      const detach = () => core.removeListener('error', onLost);
      query.once('end', detach);
      query.once('error', detach);
    });
  }

  const cancel = async (): Promise<boolean> => {
    const current = busy;
    if (!current) return false;
    // Cancelling one's own statement changes nothing, so read-only mode allows it.
    await session.run(`KILL QUERY ${current.threadId}`);
    return true;
  };

  return {
    async run(sql, runOptions = {}) {
      checkConsoleInput(sql);
      if (busy)
        throw new UserError('a query is still running', {
          hint: 'cancel it first',
        });
      const verdict = classifyStatement(sql);
      const start = async () => {
        const current = await consoleLink(runOptions.signal);
        busy = current;
        const onAbort = () => void cancel().catch(() => undefined);
        runOptions.signal?.addEventListener('abort', onAbort, { once: true });
        try {
          return await execute(current, sql, runOptions.maxRows ?? 5000);
        } finally {
          busy = undefined;
          runOptions.signal?.removeEventListener('abort', onAbort);
        }
      };
      const result = verdict.read
        ? await start()
        : await session
            .write(
              'Query',
              `query console ${statementKeyword(sql)} statement`,
              start,
            )
            .catch((error: unknown) => {
              if (!(error instanceof ReadOnlyError) || verdict.read)
                throw error;
              throw new ReadOnlyError(
                `query console ${statementKeyword(sql)} statement`,
                `${error.hint ?? 'read-only'}; only SELECT, SHOW, DESCRIBE, EXPLAIN and WITH ... SELECT run (${verdict.reason})`,
              );
            });
      await options.history?.add(sql).catch(() => false);
      return result;
    },
    cancel,
    running: () => busy !== undefined,
    async close() {
      await link?.close();
      link = undefined;
    },
  };
}
