/**
 * An in-memory MySQL behind a pretend SSH link, for component tests: a few
 * databases with tables and rows, accounts with grants, a process list, and
 * a query console that answers SELECT 1-style reads. It asks the host-key
 * and password questions the real one asks, refuses writes in read-only mode,
 * can drop its link, and records every write in `calls`.
 */
import { Readable } from 'node:stream';
import { UserError } from '../../../source/lib/errors.js';
import type { DatabaseRow } from '../../../source/mysql/admin/databases.js';
import type { MysqlServices } from '../../../source/mysql/mysql-services.js';
import type {
  Cell,
  MysqlState,
  ResultColumn,
} from '../../../source/mysql/mysql-values.js';
import type { QueryResult } from '../../../source/mysql/query/query-console.js';
import { createQueryHistory } from '../../../source/mysql/query/query-history.js';
import { classifyStatement } from '../../../source/mysql/query/read-verdict.js';
import { createMysqlPlace } from '../../../source/mysql/mysql-place.js';
import type { Account, AccountRow } from '../../../source/mysql/admin/users.js';
import { accountWarnings } from '../../../source/mysql/admin/user-warnings.js';
import {
  createMysqlConnections,
  type MysqlConnectionFactory,
  type MysqlConnections,
} from '../../../source/session/mysql-connections.js';
import { createEventLog } from '../../../source/events/event-log.js';
import type { HostKeyQuestion } from '../../../source/ssh/ssh-types.js';
import type { WriteGuard } from '../../../source/safety/read-only.js';
import type { RowPage } from '../../../source/mysql/row-page.js';

export interface FakeTable {
  readonly columns: readonly ResultColumn[];
  readonly rows: (readonly Cell[])[];
  readonly primaryKey: readonly string[];
}

export interface FakeMysql {
  readonly connections: MysqlConnections;
  readonly databases: Map<string, Map<string, FakeTable>>;
  readonly accounts: (AccountRow & { grants: string[]; password?: string })[];
  readonly calls: string[];
  /** Every statement the query console was asked to run, reads too, in order. */
  readonly statements: string[];
  /** Questions asked: "password: ...", "host key: SHA256:...". */
  readonly asked: string[];
  /** An unknown host key to ask about on the first connect. */
  hostKey: HostKeyQuestion | undefined;
  /** Makes connecting fail with this message or error (a changed host key, a wrong password). */
  connectError: string | Error | undefined;
  /** Makes the next read fail with this message. */
  failNext: string | undefined;
  /** Drops the link: the state reads disconnected until the next action. */
  readonly drop: () => void;
  /** Holds the next console statement until cancelled. */
  holdNextQuery: boolean;
}

const column = (
  name: string,
  type = 'VARCHAR',
  binary = false,
): ResultColumn => ({
  name,
  type,
  binary,
  numeric: type === 'INT',
});

function customers(count: number): FakeTable {
  return {
    columns: [
      column('id', 'INT'),
      column('email'),
      column('name'),
      column('note'),
      column('avatar', 'BLOB', true),
    ],
    primaryKey: ['id'],
    rows: Array.from({ length: count }, (_, index) => [
      String(index + 1),
      `user${index + 1}@example.com`,
      `Customer ${index + 1}`,
      index % 3 === 0
        ? null
        : `a rather long note for row ${index + 1} that makes the row wide`,
      index % 2 === 0 ? { hex: 'deadbeef', bytes: 4 } : null,
    ]),
  };
}

function account(user: string, host: string, extra: Partial<AccountRow> = {}) {
  const row = {
    user,
    host,
    plugin: 'mysql_native_password',
    hasPassword: true,
    locked: false,
    globalPrivileges: [] as string[],
    ...extra,
  };
  return {
    ...row,
    warnings: accountWarnings(row),
    grants: [`GRANT USAGE ON *.* TO \`${user}\`@\`${host}\``],
  };
}

export function createFakeMysql(): FakeMysql {
  const databases = new Map<string, Map<string, FakeTable>>([
    [
      'shop',
      new Map([
        ['customers', customers(250)],
        [
          'audit_log',
          {
            columns: [column('at'), column('message')],
            primaryKey: [],
            rows: [
              ['2026-01-01 10:00:00', 'boot'],
              ['2026-01-01 10:05:00', null],
            ],
          },
        ],
      ]),
    ],
    ['inventory', new Map([['stock', customers(3)]])],
  ]);
  const accounts: FakeMysql['accounts'] = [
    account('root', 'localhost', { globalPrivileges: ['SELECT', 'SUPER'] }),
    account('app', '%'),
    account('legacy', '%', {
      hasPassword: false,
      globalPrivileges: ['SELECT', 'INSERT', 'DROP'],
    }),
  ];
  const calls: string[] = [];
  const asked: string[] = [];
  let state: MysqlState = 'idle';
  const listeners = new Set<() => void>();
  const setState = (next: MysqlState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  /** Why the last connect failed, as the real session keeps it. */
  let lastError: Error | undefined;
  let everConnected = false;
  let trusted = false;
  let password: string | undefined;
  let heldQuery: ((result: QueryResult) => void) | undefined;
  let failHeld: ((error: Error) => void) | undefined;

  const fake: FakeMysql = {
    connections: undefined as unknown as MysqlConnections,
    databases,
    accounts,
    calls,
    statements: [],
    asked,
    hostKey: undefined,
    connectError: undefined,
    failNext: undefined,
    holdNextQuery: false,
    drop: () => setState('disconnected'),
  };

  const factory: MysqlConnectionFactory = ({ name, prompts, guard }) => {
    const connect = async () => {
      if (state === 'connected') return;
      setState('connecting');
      try {
        if (fake.connectError)
          throw typeof fake.connectError === 'string'
            ? new UserError(fake.connectError)
            : fake.connectError;
        if (fake.hostKey && !trusted) {
          asked.push(`host key: ${fake.hostKey.fingerprintSha256}`);
          if (!(await prompts.confirmHostKey(fake.hostKey)))
            throw new UserError(
              `host key of ${fake.hostKey.host} not trusted; nothing was sent`,
            );
          trusted = true;
        }
        if (password === undefined) {
          asked.push('password');
          password = await prompts.ask(`MySQL password for root (${name})`, {
            secret: true,
          });
          if (password === undefined)
            throw new UserError('cancelled: no password given');
        }
        lastError = undefined;
        everConnected = true;
        setState('connected');
      } catch (error) {
        lastError = error instanceof Error ? error : undefined;
        setState(everConnected ? 'disconnected' : 'failed');
        throw error;
      }
    };
    const read = async <T>(value: () => T): Promise<T> => {
      await connect();
      const failure = fake.failNext;
      if (failure) {
        fake.failNext = undefined;
        throw new UserError(failure);
      }
      return value();
    };
    const write = async (
      operation: string,
      description: string,
      change: () => void,
    ) => {
      check(guard, operation);
      await connect();
      calls.push(description);
      change();
    };
    const place = createMysqlPlace();
    const find = (who: Account) =>
      accounts.find((row) => row.user === who.user && row.host === who.host);
    const services = {
      ssh: {
        name: 'ops@db1:22',
        state: () => (state === 'disconnected' ? 'disconnected' : 'connected'),
        subscribe: (listener: () => void) => (
          listeners.add(listener),
          () => listeners.delete(listener)
        ),
        lastError: () => lastError,
      },
      session: {
        name: `root at 127.0.0.1:3306 via ${name}`,
        state: () => state,
        subscribe: (listener: () => void) => (
          listeners.add(listener),
          () => listeners.delete(listener)
        ),
        lastError: () => lastError,
        connect,
        identity: () =>
          state === 'connected'
            ? { flavour: 'MariaDB', version: '10.11.6', comment: 'fake' }
            : undefined,
      },
      server: {
        summary: () =>
          read(() => ({
            flavour: 'MariaDB',
            version: '10.11.6',
            uptimeSeconds: 93_784,
            connections: { current: 3, max: 151, maxUsed: 9, total: 420 },
            threadsRunning: 1,
            queriesPerSecond: 12.5,
            bufferPool: { bytes: 134_217_728, usedFraction: 0.42 },
            binaryLog: { enabled: false },
            replica: undefined,
          })),
        processes: () =>
          read(() => [
            {
              id: 7,
              user: 'app',
              host: '10.0.0.5:50122',
              database: 'shop',
              command: 'Query',
              seconds: 42,
              state: 'Sending data',
              info: 'SELECT * FROM orders',
            },
            {
              id: 8,
              user: 'root',
              host: 'localhost',
              database: null,
              command: 'Sleep',
              seconds: 3,
              state: '',
              info: null,
            },
          ]),
        kill: (id: number, what: string) =>
          write('kill', `kill ${what} ${id}`, () => undefined),
      },
      databases: {
        list: () =>
          read((): DatabaseRow[] =>
            [...databases.entries()].map(([name, tables]) => ({
              name,
              tables: tables.size,
              bytes: tables.size * 16_384,
              charset: 'utf8mb4',
              collation: 'utf8mb4_general_ci',
              system: false,
            })),
          ),
        exists: (name: string) => read(() => databases.has(name)),
        charsets: () =>
          read(() => [
            {
              charset: 'utf8mb4',
              defaultCollation: 'utf8mb4_general_ci',
              collations: ['utf8mb4_general_ci', 'utf8mb4_unicode_ci'],
            },
            {
              charset: 'latin1',
              defaultCollation: 'latin1_swedish_ci',
              collations: ['latin1_swedish_ci'],
            },
          ]),
        create: (
          db: string,
          options?: { charset?: string; collation?: string },
        ) =>
          write(
            'create database',
            `create database ${db} ${options?.charset ?? ''} ${options?.collation ?? ''}`.trim(),
            () => databases.set(db, new Map()),
          ),
        drop: (db: string) =>
          write('drop database', `drop database ${db}`, () =>
            databases.delete(db),
          ),
      },
      tables: {
        list: (db: string) =>
          read(() =>
            [
              ...(databases.get(db) ?? new Map<string, FakeTable>()).entries(),
            ].map(([table, data]) => ({
              name: table,
              kind: 'BASE TABLE',
              engine: 'InnoDB',
              estimatedRows: data.rows.length,
              dataBytes: 16_384,
              indexBytes: 0,
              collation: 'utf8mb4_general_ci',
              comment: '',
            })),
          ),
        structure: (db: string, table: string) =>
          read(() => {
            const data = databases.get(db)?.get(table);
            return {
              columns: (data?.columns ?? []).map((entry) => ({
                name: entry.name,
                type: entry.type.toLowerCase(),
                nullable: true,
                default: null,
                key: data?.primaryKey.includes(entry.name) ? 'PRI' : '',
                extra: '',
                comment: '',
              })),
              indexes: data?.primaryKey.length
                ? [
                    {
                      name: 'PRIMARY',
                      unique: true,
                      columns: data.primaryKey,
                      type: 'BTREE',
                    },
                  ]
                : [],
              createStatement: `CREATE TABLE \`${table}\` (\n  \`id\` int(11) NOT NULL\n) ENGINE=InnoDB`,
              primaryKey: data?.primaryKey ?? [],
            };
          }),
      },
      rows: {
        page: (
          db: string,
          table: string,
          request: {
            at?: string;
            after?: { kind: string; offset?: number };
            before?: { kind: string; offset?: number };
          },
          options?: { limit?: number },
        ) =>
          read((): RowPage => {
            const data = databases.get(db)?.get(table);
            if (!data) throw new UserError(`no table ${db}.${table}`);
            const limit = options?.limit ?? 20;
            const total = data.rows.length;
            let start = 0;
            if (request.at === 'last') start = Math.max(0, total - limit);
            else if (request.after) start = (request.after.offset ?? 0) + 1;
            else if (request.before)
              start = Math.max(0, (request.before.offset ?? 0) - limit);
            const rows = data.rows.slice(start, start + limit);
            return {
              columns: data.columns,
              rows,
              mode: data.primaryKey.length ? 'keyset' : 'offset',
              primaryKey: data.primaryKey,
              hasPrevious: start > 0,
              hasNext: start + limit < total,
              first: { kind: 'offset', offset: start },
              last: { kind: 'offset', offset: start + rows.length - 1 },
              offset: start,
            };
          }),
      },
      console: {
        classify: async (sql: string) => {
          await connect();
          // As the server reports a statement it cannot parse.
          if (/^\s*selec\s/i.test(sql))
            throw new UserError(
              `MySQL ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${sql.trim().replace(/;$/, '')}' at line 1`,
            );
          return classifyStatement(sql);
        },
        run: async (sql: string): Promise<QueryResult> => {
          await connect();
          fake.statements.push(sql.trim());
          const verdict = classifyStatement(sql);
          if (!verdict.read) check(guard, 'query');
          if (/^\s*select\s+nosuch/i.test(sql))
            throw new UserError("Unknown column 'nosuch' in 'field list'");
          if (fake.holdNextQuery) {
            fake.holdNextQuery = false;
            return new Promise(
              (resolve, reject) => ((heldQuery = resolve), (failHeld = reject)),
            );
          }
          await history.add(sql);
          // The console works in the chosen database; USE moves the choice.
          const use = /^\s*use\s+`?([^`;\s]+)`?\s*;?\s*$/i.exec(sql);
          if (use)
            place.set({ database: use[1] ?? undefined, table: undefined });
          if (/^\s*select\s+database\(\)/i.test(sql))
            return {
              kind: 'rows',
              columns: [column('DATABASE()')],
              rows: [[place.getSnapshot().database ?? null]],
              truncated: false,
              elapsedMs: 0.8,
            };
          if (!verdict.read) {
            calls.push(`console: ${sql.trim()}`);
            return {
              kind: 'done',
              affectedRows: 2,
              insertId: 0,
              warnings: 0,
              info: '',
              elapsedMs: 3,
            };
          }
          return {
            kind: 'rows',
            columns: [column('answer', 'INT'), column('nothing')],
            rows: [['42', null]],
            truncated: false,
            elapsedMs: 1.4,
          };
        },
        cancel: () => {
          const fail = failHeld;
          heldQuery = undefined;
          failHeld = undefined;
          if (fail) {
            calls.push('KILL QUERY');
            fail(new UserError('Query execution was interrupted'));
          }
          return Promise.resolve(fail !== undefined);
        },
        running: () => heldQuery !== undefined,
        close: () => Promise.resolve(),
      },
      place,
      users: {
        list: () =>
          read(() =>
            accounts.map(
              ({ grants: _grants, password: _password, ...row }) => row,
            ),
          ),
        create: (who: Account, secret: string | undefined) =>
          write('create user', `create user ${who.user}@${who.host}`, () =>
            accounts.push({
              ...account(who.user, who.host),
              ...(secret === undefined ? {} : { password: secret }),
            }),
          ),
        setPassword: (who: Account, secret: string) =>
          write('set password', `set password ${who.user}@${who.host}`, () => {
            const row = find(who);
            if (row) row.password = secret;
          }),
        grant: (
          who: Account,
          privileges: readonly string[],
          on: { database: string; table?: string },
        ) =>
          write(
            'grant',
            `grant ${privileges.join(', ')} on ${on.database}.${on.table ?? '*'} to ${who.user}@${who.host}`,
            () =>
              find(who)?.grants.push(
                `GRANT ${privileges.join(', ')} ON \`${on.database}\`.${on.table ? `\`${on.table}\`` : '*'} TO \`${who.user}\`@\`${who.host}\``,
              ),
          ),
        revoke: (
          who: Account,
          privileges: readonly string[],
          on: { database: string; table?: string },
        ) =>
          write(
            'revoke',
            `revoke ${privileges.join(', ')} on ${on.database}.${on.table ?? '*'} from ${who.user}@${who.host}`,
            () => undefined,
          ),
        showGrants: (who: Account) => read(() => find(who)?.grants ?? []),
        drop: (who: Account) =>
          write('drop user', `drop user ${who.user}@${who.host}`, () =>
            accounts.splice(
              accounts.findIndex((row) => row === find(who)),
              1,
            ),
          ),
      },
      dump: async (options: {
        database: string;
        to:
          | { kind: 'file'; path: string }
          | { kind: 'upload'; upload: (body: Readable) => Promise<void> };
        gzip?: boolean;
      }) => {
        // An upload gets a small dump body, the way the real one streams.
        if (options.to.kind === 'upload')
          await options.to.upload(Readable.from([Buffer.from('-- dump\n')]));
        return read(
          () => (
            calls.push(
              `dump ${options.database} to ${options.to.kind === 'file' ? options.to.path : 'upload'}${options.gzip ? ' gzip' : ''}`,
            ),
            { bytes: 2_000_000, storedBytes: 300_000, tool: 'mariadb-dump' }
          ),
        );
      },
      restore: (options: { database: string; file: string }) =>
        write(
          'restore',
          `restore ${options.file} into ${options.database}`,
          () => undefined,
        ).then(() => ({ bytes: 1000, created: false, tool: 'mariadb' })),
      close: () => (setState('closed'), Promise.resolve()),
    };
    return Promise.resolve(services as unknown as MysqlServices);
  };
  const history = createQueryHistory({ file: '/dev/null' });
  (fake as { connections: MysqlConnections }).connections =
    createMysqlConnections({
      events: createEventLog(),
      create: factory,
      history: () => ({
        entries: () => history.entries(),
        load: () => history.load(),
        add: (sql) => history.add(sql),
      }),
    });
  return fake;
}

function check(guard: WriteGuard, operation: string): void {
  guard.check('mysql', operation);
}
