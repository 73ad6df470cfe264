/**
 * The query console: sends exactly what the person typed, one statement at a
 * time, on a connection of its own (so a long query never blocks the other
 * views), and cancels with KILL QUERY from the admin connection.
 *
 * Several statements are refused rather than sent with multipleStatements:
 * results, errors and read-only checks then always belong to one statement,
 * and no text can hide a second statement behind the first.
 *
 * In read-only mode a statement runs only when it reads (read-verdict.ts, with
 * the session's own sql_mode and the stored functions it calls), and then
 * inside START TRANSACTION READ ONLY on a session set READ ONLY, rolled back
 * after: what the classifier misses, the server refuses.
 */
import { UserError } from '../../lib/errors.js';
import { ReadOnlyError } from '../../safety/read-only.js';
import type { MysqlLink } from '../mysql-link.js';
import type { MysqlSession } from '../mysql-session.js';
import type { EventLog } from '../../events/event-log.js';
import { executeStatement, type QueryResult } from './console-execute.js';
import { consoleFailure, serverErrorCode } from './console-failure.js';
import type { QueryHistory } from './query-history.js';
import type { MysqlPlace } from '../mysql-place.js';
import { consoleDatabase } from './console-database.js';
import { statementKeyword, type ReadVerdict } from './read-verdict.js';
import { serverVerdict } from './read-only-check.js';
import { scanStatements } from './sql-statements.js';

export type { QueryResult } from './console-execute.js';

export interface QueryConsole {
  /** Whether the statement only reads, as the server will lex it. */
  readonly classify: (sql: string) => Promise<ReadVerdict>;
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
  options: {
    history?: QueryHistory;
    events?: EventLog;
    /** The chosen database: statements run in it, and a USE changes it. */
    place?: MysqlPlace;
  } = {},
): QueryConsole {
  let link: MysqlLink | undefined;
  const database = consoleDatabase(options.place);
  let busy: MysqlLink | undefined;
  /** The link whose session is SET TRANSACTION READ ONLY. */
  let readOnlyLink: MysqlLink | undefined;

  async function consoleLink(signal?: AbortSignal): Promise<MysqlLink> {
    if (!link || link.dead()) {
      if (link) void link.close();
      link = await session.openExtra({ signal });
    }
    await database.useChosen(link);
    return link;
  }

  async function sessionReadOnly(current: MysqlLink, readOnly: boolean) {
    if ((readOnlyLink === current) === readOnly) return;
    await current.connection.query(
      `SET SESSION TRANSACTION ${readOnly ? 'READ ONLY' : 'READ WRITE'}`,
    );
    readOnlyLink = readOnly ? current : undefined;
  }

  /** A read in read-only mode: in a read-only transaction, always rolled back. */
  async function readOnlyRun(
    current: MysqlLink,
    run: () => Promise<QueryResult>,
  ) {
    await current.connection.query('START TRANSACTION READ ONLY');
    try {
      return await run();
    } finally {
      if (!current.dead())
        await current.connection.query('ROLLBACK').catch(() => undefined);
    }
  }

  const cancel = async (): Promise<boolean> => {
    const current = busy;
    if (!current) return false;
    // Cancelling one's own statement changes nothing, so read-only mode allows it.
    await session.run(`KILL QUERY ${current.threadId}`);
    return true;
  };

  async function run(
    sql: string,
    runOptions: { signal?: AbortSignal; maxRows?: number },
  ): Promise<QueryResult> {
    const description = `query console ${statementKeyword(sql)} statement`;
    const current = await consoleLink(runOptions.signal);
    const readOnly = session.guard.readOnly;
    await sessionReadOnly(current, readOnly);
    const { verdict } = await serverVerdict(current, sql).catch(
      (error: unknown) => {
        // A syntax error the server reported before anything ran.
        options.events?.record(
          'error',
          'mysql',
          `${description} on ${session.name} failed: ${consoleFailure(error, sql)}`,
        );
        throw error;
      },
    );
    const start = async () => {
      busy = current;
      const onAbort = () => void cancel().catch(() => undefined);
      runOptions.signal?.addEventListener('abort', onAbort, { once: true });
      const execute = () =>
        executeStatement(
          current,
          sql,
          runOptions.maxRows ?? 5000,
          session.ssh.name,
        );
      try {
        return readOnly ? await readOnlyRun(current, execute) : await execute();
      } catch (error) {
        if (
          serverErrorCode(error) === 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION'
        )
          throw new ReadOnlyError(
            description,
            `the server refused to change anything in the read-only transaction (${session.guard.reason})`,
          );
        throw error;
      } finally {
        busy = undefined;
        runOptions.signal?.removeEventListener('abort', onAbort);
      }
    };
    if (verdict.read)
      return start().catch((error: unknown) => {
        options.events?.record(
          'error',
          'mysql',
          `${description} on ${session.name} failed: ${consoleFailure(error, sql)}`,
        );
        throw error;
      });
    return session
      .write('Query', description, start, (error) => consoleFailure(error, sql))
      .catch((error: unknown) => {
        if (!(error instanceof ReadOnlyError) || !readOnly) throw error;
        throw new ReadOnlyError(
          description,
          `${error.hint ?? 'read-only'}; only SELECT, SHOW, DESCRIBE, EXPLAIN and WITH ... SELECT that read run (${verdict.reason})`,
        );
      });
  }

  return {
    async classify(sql) {
      checkConsoleInput(sql);
      return (await serverVerdict(await consoleLink(), sql)).verdict;
    },
    async run(sql, runOptions = {}) {
      checkConsoleInput(sql);
      if (busy)
        throw new UserError('a query is still running', {
          hint: 'cancel it first',
        });
      const result = await run(sql, runOptions);
      if (statementKeyword(sql) === 'USE' && link && !link.dead())
        await database.followUse(link).catch(() => undefined);
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
