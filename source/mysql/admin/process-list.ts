/** The process list and KILL. */
import { UserError } from '../../lib/errors.js';
import { count, text } from '../cells.js';
import type { MysqlSession } from '../mysql-session.js';

export interface ProcessRow {
  readonly id: number;
  readonly user: string;
  readonly host: string;
  readonly database: string | null;
  readonly command: string;
  readonly seconds: number;
  readonly state: string;
  readonly info: string | null;
}

export async function listProcesses(
  session: MysqlSession,
  signal?: AbortSignal,
): Promise<ProcessRow[]> {
  const rows = await session.rows('SHOW FULL PROCESSLIST', signal);
  return rows.map((row) => ({
    id: count(row['Id']),
    user: text(row['User']),
    host: text(row['Host']),
    database:
      row['db'] === null || row['db'] === undefined ? null : text(row['db']),
    command: text(row['Command']),
    seconds: count(row['Time']),
    state: text(row['State']),
    info:
      row['Info'] === null || row['Info'] === undefined
        ? null
        : text(row['Info']),
  }));
}

/** KILL QUERY (the statement) or KILL CONNECTION (the whole session); a write. */
export async function killProcess(
  session: MysqlSession,
  id: number,
  what: 'query' | 'connection',
): Promise<void> {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new UserError(`not a connection id: ${id}`);
  const operation = what === 'query' ? 'KillQuery' : 'KillConnection';
  await session.write(operation, `KILL ${what.toUpperCase()} ${id}`, () =>
    session.run(`KILL ${what === 'query' ? 'QUERY' : 'CONNECTION'} ${id}`),
  );
}
