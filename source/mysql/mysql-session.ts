/**
 * The MySQL side of a connection profile: an admin connection over the SSH
 * tunnel, made on first use and again after a drop; extra connections for
 * the query console; the password asked once and kept in memory only; and
 * the write gate (read-only mode and the event log) every write goes through.
 */
import type {
  Connection,
  ResultSetHeader,
  RowDataPacket,
} from 'mysql2/promise';
import { describeError, UserError } from '../lib/errors.js';
import { ConnectionLostError, mysqlError } from './mysql-errors.js';
import { endpointName, openLink, type MysqlLink } from './mysql-link.js';
import type {
  MysqlSession,
  MysqlSessionOptions,
} from './mysql-session-contract.js';
import type { ServerIdentity } from './mysql-values.js';

export type {
  MysqlSession,
  MysqlSessionOptions,
} from './mysql-session-contract.js';
import type { LiteralMode } from './sql-quote.js';
import { text, type DriverField } from './cells.js';
import { createStore } from '../lib/store.js';

export function createMysqlSession(options: MysqlSessionOptions): MysqlSession {
  const { ssh, target, guard, events } = options;
  const name = `${target.user} at ${endpointName(target)} via ${ssh.name}`;
  const changes = createStore(undefined);
  const extras = new Set<MysqlLink>();
  let link: MysqlLink | undefined;
  let connecting: Promise<MysqlLink> | undefined;
  let password: string | undefined;
  let passwordKnown = target.askPassword === false;
  let identity: ServerIdentity | undefined;
  let mode: LiteralMode = { noBackslashEscapes: false };
  let lastError: UserError | undefined;
  let closed = false;
  const notify = changes.notify;
  const unsubscribeSsh = ssh.subscribe(notify);

  async function askPassword(): Promise<string | undefined> {
    if (passwordKnown) return password;
    const answer = await options.ask(
      `MySQL password for ${target.user} at ${endpointName(target)}`,
      {
        secret: true,
      },
    );
    if (answer === undefined) throw new UserError('MySQL login cancelled');
    password = answer === '' ? undefined : answer;
    passwordKnown = true;
    return password;
  }

  async function open(signal?: AbortSignal): Promise<MysqlLink> {
    await ssh.connect(signal);
    const secret = await askPassword();
    let opened: MysqlLink;
    try {
      opened = await openLink(ssh, target, {
        password: secret,
        via: ssh.name,
        signal,
      });
    } catch (error) {
      // A refused password is asked again next time rather than retried.
      if (/Access denied/i.test(describeError(error))) {
        password = undefined;
        passwordKnown = target.askPassword === false;
      }
      throw error;
    }
    const [rows] = await opened.connection.query<RowDataPacket[]>(
      'SELECT VERSION() AS version, @@version_comment AS comment, @@sql_mode AS sqlMode',
    );
    const row: Record<string, unknown> = rows[0] ?? {};
    const version = text(row['version']);
    identity = {
      flavour: /mariadb/i.test(version) ? 'MariaDB' : 'MySQL',
      version: version.replace(/-MariaDB.*$/i, ''),
      comment: text(row['comment']),
    };
    mode = {
      noBackslashEscapes: /NO_BACKSLASH_ESCAPES/i.test(text(row['sqlMode'])),
    };
    return opened;
  }

  async function adminLink(signal?: AbortSignal): Promise<MysqlLink> {
    if (closed) throw new UserError(`MySQL session ${name} is closed`);
    if (link && !link.dead()) return link;
    if (link) void link.close();
    link = undefined;
    connecting ??= open(signal)
      .then((opened) => {
        link = opened;
        lastError = undefined;
        return opened;
      })
      .catch((error: unknown) => {
        lastError = mysqlError(error, ssh.name);
        throw lastError;
      })
      .finally(() => {
        connecting = undefined;
        notify();
      });
    notify();
    return connecting;
  }

  async function onAdmin<T>(
    action: (connection: Connection) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const current = await adminLink(signal);
    try {
      return await action(current.connection);
    } catch (error) {
      const failure = mysqlError(error, ssh.name);
      if (failure instanceof ConnectionLostError) {
        lastError = failure;
        void current.close();
        notify();
      }
      throw failure;
    }
  }

  return {
    name,
    target,
    ssh,
    guard,
    state() {
      if (closed) return 'closed';
      if (connecting) return 'connecting';
      if (link && !link.dead()) return 'connected';
      if (
        link ||
        ssh.state() === 'disconnected' ||
        lastError instanceof ConnectionLostError
      )
        return 'disconnected';
      if (ssh.state() === 'failed' || lastError) return 'failed';
      return 'idle';
    },
    lastError: () => lastError ?? ssh.lastError(),
    subscribe: changes.subscribe,
    connect: async (signal) => {
      await adminLink(signal);
    },
    identity: () => identity,
    literalMode: () => mode,
    rows: (sql, signal) =>
      onAdmin(async (connection) => {
        const [rows] = await connection.query<RowDataPacket[]>(sql);
        return rows as never;
      }, signal),
    arrays: (sql, signal) =>
      onAdmin(async (connection) => {
        const [rows, fields] = await connection.query<RowDataPacket[]>({
          sql,
          rowsAsArray: true,
        });
        return {
          rows: rows as unknown as unknown[][],
          fields: fields as unknown as DriverField[],
        };
      }, signal),
    run: (sql) =>
      onAdmin(async (connection) => {
        const [result] = await connection.query<ResultSetHeader>(sql);
        return result;
      }),
    async write(operation, description, action, describeFailure) {
      try {
        guard.check('mysql', operation);
      } catch (error) {
        events.record(
          'warn',
          'mysql',
          `blocked ${description} on ${name}: ${describeError(error)}`,
        );
        throw error;
      }
      try {
        const result = await action();
        events.record('write', 'mysql', `${description} on ${name}`);
        return result;
      } catch (error) {
        events.record(
          'error',
          'mysql',
          `${description} on ${name} failed: ${(describeFailure ?? describeError)(error)}`,
        );
        throw error;
      }
    },
    async openExtra(extra = {}) {
      await adminLink(extra.signal);
      const opened = await openLink(ssh, target, {
        password,
        via: ssh.name,
        signal: extra.signal,
        multipleStatements: extra.multipleStatements,
      });
      extras.add(opened);
      const close = opened.close;
      return {
        ...opened,
        close: async () => {
          extras.delete(opened);
          await close();
        },
        abandon: () => {
          extras.delete(opened);
          opened.abandon();
        },
      };
    },
    async credentials() {
      await adminLink();
      return { user: target.user, password };
    },
    async close() {
      closed = true;
      unsubscribeSsh();
      await Promise.all(
        [...extras, ...(link ? [link] : [])].map((each) => each.close()),
      );
      extras.clear();
      link = undefined;
      password = undefined;
      notify();
    },
  };
}
