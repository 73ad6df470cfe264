/**
 * Everything the MySQL pane needs for one connection, built in one call and
 * closed in one call. Services are plain async functions over plain data.
 */
import { homedir, userInfo } from 'node:os';
import type { EventLog } from '../events/event-log.js';
import type { WriteGuard } from '../safety/read-only.js';
import { createSshSession, type SshSession } from '../ssh/ssh-session.js';
import type {
  SshEnvironment,
  SshPrompts,
  SshTarget,
} from '../ssh/ssh-types.js';
import {
  createDatabaseService,
  type DatabaseService,
} from './admin/databases.js';
import {
  dumpDatabase,
  type DumpOptions,
  type DumpResult,
} from './dump/dump.js';
import { createMysqlSession, type MysqlSession } from './mysql-session.js';
import { createMysqlPlace, type MysqlPlace } from './mysql-place.js';
import type { MysqlTarget } from './mysql-values.js';
import {
  createQueryConsole,
  type QueryConsole,
} from './query/query-console.js';
import type { QueryHistory } from './query/query-history.js';
import {
  restoreDatabase,
  type RestoreOptions,
  type RestoreResult,
} from './dump/restore.js';
import { createRowPager } from './rows-pager.js';
import {
  createServerService,
  type ServerService,
} from './admin/server-status.js';
import { createTableService, type TableService } from './admin/tables.js';
import { createUserService, type UserService } from './admin/users.js';
import type { RowPager } from './row-page.js';

export interface MysqlServices {
  readonly ssh: SshSession;
  readonly session: MysqlSession;
  readonly server: ServerService;
  readonly databases: DatabaseService;
  readonly tables: TableService;
  readonly rows: RowPager;
  readonly console: QueryConsole;
  /** The chosen database and table, shared by the panes and the console. */
  readonly place: MysqlPlace;
  readonly users: UserService;
  readonly dump: (options: DumpOptions) => Promise<DumpResult>;
  readonly restore: (options: RestoreOptions) => Promise<RestoreResult>;
  /** Ends every connection and channel; the process can exit afterwards. */
  readonly close: () => Promise<void>;
}

export function defaultSshEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): SshEnvironment {
  return {
    home: homedir(),
    localUser: userInfo().username,
    agentSocket: env['SSH_AUTH_SOCK'],
  };
}

export function createMysqlServices(options: {
  readonly ssh: SshTarget;
  readonly mysql: MysqlTarget;
  readonly prompts: SshPrompts;
  readonly guard: WriteGuard;
  readonly events: EventLog;
  readonly history?: QueryHistory;
  readonly environment?: SshEnvironment;
}): MysqlServices {
  const ssh = createSshSession({
    target: options.ssh,
    prompts: options.prompts,
    environment: options.environment ?? defaultSshEnvironment(),
  });
  const session = createMysqlSession({
    ssh,
    target: options.mysql,
    ask: options.prompts.ask,
    guard: options.guard,
    events: options.events,
  });
  const place = createMysqlPlace();
  const console = createQueryConsole(session, {
    history: options.history,
    events: options.events,
    place,
  });
  return {
    ssh,
    session,
    server: createServerService(session),
    databases: createDatabaseService(session),
    tables: createTableService(session),
    rows: createRowPager(session),
    console,
    place,
    users: createUserService(session),
    dump: (dumpOptions) => dumpDatabase(session, dumpOptions),
    restore: (restoreOptions) => restoreDatabase(session, restoreOptions),
    async close() {
      await console.close();
      await session.close();
      await ssh.close();
    },
  };
}
