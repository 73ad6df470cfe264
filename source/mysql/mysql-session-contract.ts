/** The MySQL session's shape, apart from its implementation. */
import type { ResultSetHeader } from 'mysql2/promise';
import type { UserError } from '../lib/errors.js';
import type { EventLog } from '../events/event-log.js';
import type { WriteGuard } from '../safety/read-only.js';
import type { SshSession } from '../ssh/ssh-session.js';
import type { SshPrompts } from '../ssh/ssh-types.js';
import type { DriverField } from './cells.js';
import type { MysqlLink } from './mysql-link.js';
import type {
  MysqlState,
  MysqlTarget,
  ServerIdentity,
} from './mysql-values.js';
import type { LiteralMode } from './sql-quote.js';

export interface MysqlSessionOptions {
  readonly ssh: SshSession;
  readonly target: MysqlTarget;
  readonly ask: SshPrompts['ask'];
  readonly guard: WriteGuard;
  readonly events: EventLog;
}

export interface MysqlSession {
  /** "root at 127.0.0.1:3306 via admin@db1". */
  readonly name: string;
  readonly target: MysqlTarget;
  readonly ssh: SshSession;
  /** Read-only mode as it is now (it follows profile switches). */
  readonly guard: WriteGuard;
  readonly state: () => MysqlState;
  readonly lastError: () => UserError | undefined;
  readonly subscribe: (listener: () => void) => () => void;
  readonly connect: (signal?: AbortSignal) => Promise<void>;
  readonly identity: () => ServerIdentity | undefined;
  readonly literalMode: () => LiteralMode;
  /** Generated SQL on the admin connection; rows as objects. */
  readonly rows: <Row = Record<string, unknown>>(
    sql: string,
    signal?: AbortSignal,
  ) => Promise<Row[]>;
  /** Generated SQL, rows as arrays with the driver's field metadata (duplicate names survive). */
  readonly arrays: (
    sql: string,
    signal?: AbortSignal,
  ) => Promise<{ fields: DriverField[]; rows: unknown[][] }>;
  /** Generated SQL that changes nothing in rows (DDL, account statements). */
  readonly run: (sql: string) => Promise<ResultSetHeader>;
  /** Read-only check, event log entry, error mapping for one write. */
  readonly write: <T>(
    operation: string,
    description: string,
    action: () => Promise<T>,
    /** What the log says of a failure; by default the error's message. */
    describeFailure?: (error: unknown) => string,
  ) => Promise<T>;
  /** A connection of its own (query console); closed with the session. */
  readonly openExtra: (options?: {
    multipleStatements?: boolean;
    signal?: AbortSignal;
  }) => Promise<MysqlLink>;
  /** For the dump and restore tools on the SSH host; never logged. */
  readonly credentials: () => Promise<{
    user: string;
    password: string | undefined;
  }>;
  readonly close: () => Promise<void>;
}
