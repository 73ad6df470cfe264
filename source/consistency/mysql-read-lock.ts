/**
 * FLUSH TABLES WITH READ LOCK on a connection of its own, held while a call
 * runs (the snapshot call), with the binary log position seen under the lock:
 * the coordinates a replica built from the snapshot starts from. The lock
 * belongs to the connection, so any way the process ends (a signal included)
 * drops the connection and the server releases it.
 */
import { UserError } from '../lib/errors.js';
import type { MysqlConnectionProfile } from '../config/mysql-profile-schema.js';
import type { MysqlSession } from '../mysql/mysql-session-contract.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/** The server must be on this host: SSH to itself, MySQL on its loopback or socket. */
export function checkLocalServer(
  name: string,
  profile: MysqlConnectionProfile,
  ownAddresses: readonly string[],
): void {
  const sshHost = profile.ssh.host;
  if (!LOOPBACK.has(sshHost) && !ownAddresses.includes(sshHost))
    throw new UserError(
      `--mysql ${name}: the server is reached over SSH at ${sshHost}, not on this instance`,
      {
        hint: 'a read lock only makes the snapshot consistent for a server on the instance being snapshotted: use a connection whose ssh.host is localhost',
      },
    );
  const host = profile.mysql.host;
  if (
    profile.mysql.socket === undefined &&
    host !== undefined &&
    !LOOPBACK.has(host)
  )
    throw new UserError(
      `--mysql ${name}: MySQL is at ${host}, not on this instance's loopback`,
      { hint: 'use 127.0.0.1 or the server socket' },
    );
}

export interface BinlogPosition {
  /** undefined when binary logging is off. */
  readonly file: string | undefined;
  readonly position: string | undefined;
}

export function describeBinlog(binlog: BinlogPosition): string {
  return binlog.file === undefined
    ? 'binary logging is off on this server: no position to report'
    : `binary log position under the lock: ${binlog.file} ${binlog.position ?? '?'}`;
}

/** SHOW BINARY LOG STATUS (MySQL 8.4 and later), else SHOW MASTER STATUS. */
async function binlogPosition(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<BinlogPosition> {
  let rows: Record<string, unknown>[];
  try {
    rows = await query('SHOW BINARY LOG STATUS');
  } catch {
    rows = await query('SHOW MASTER STATUS');
  }
  const row = rows[0];
  if (row === undefined) return { file: undefined, position: undefined };
  return { file: String(row['File']), position: String(row['Position']) };
}

export async function withReadLock<T>(
  session: MysqlSession,
  limitMs: number,
  call: () => Promise<T>,
): Promise<{ value: T; binlog: BinlogPosition }> {
  const link = await session.openExtra();
  const query = async (sql: string) => {
    const [rows] = await link.connection.query({ sql, timeout: limitMs });
    return rows as Record<string, unknown>[];
  };
  try {
    try {
      await query('FLUSH TABLES WITH READ LOCK');
    } catch (error) {
      throw new UserError(
        `FLUSH TABLES WITH READ LOCK failed on ${session.name}: ${(error as Error).message}`,
        {
          hint: 'a long query may hold the tables: try again, or raise --freeze-limit',
        },
      );
    }
    const binlog = await binlogPosition(query);
    const value = await call();
    await query('UNLOCK TABLES');
    return { value, binlog };
  } finally {
    await link.close();
  }
}
