/**
 * Server pane data: identity, uptime, connections, threads, queries per
 * second (from two samples of Questions), buffer pool use, replication, and
 * the process list with KILL.
 */
import { UserError } from '../../lib/errors.js';
import { count, text } from '../cells.js';
import type { MysqlSession } from '../mysql-session.js';
import type { Flavour } from '../mysql-values.js';
import { killProcess, listProcesses, type ProcessRow } from './process-list.js';

export type { ProcessRow } from './process-list.js';

export interface ServerSummary {
  readonly flavour: Flavour;
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly connections: {
    readonly current: number;
    readonly max: number;
    readonly maxUsed: number;
    readonly total: number;
  };
  readonly threadsRunning: number;
  /** Per second over the sample window; undefined until two samples exist. */
  readonly queriesPerSecond: number | undefined;
  readonly bufferPool:
    { readonly bytes: number; readonly usedFraction: number } | undefined;
  readonly binaryLog: {
    readonly enabled: boolean;
    readonly file?: string;
    readonly position?: number;
  };
  /** Set only when this server replicates from another. */
  readonly replica: ReplicaStatus | undefined;
}

export interface ReplicaStatus {
  readonly source: string;
  readonly ioRunning: string;
  readonly sqlRunning: string;
  readonly secondsBehind: number | null;
  readonly lastError: string;
}

const STATUS_NAMES = [
  'Uptime',
  'Threads_connected',
  'Threads_running',
  'Connections',
  'Questions',
  'Max_used_connections',
  'Innodb_buffer_pool_pages_total',
  'Innodb_buffer_pool_pages_free',
];

interface Sample {
  readonly at: number;
  readonly questions: number;
}

export interface ServerService {
  readonly summary: (options?: {
    sampleMs?: number;
    signal?: AbortSignal;
  }) => Promise<ServerSummary>;
  readonly processes: (signal?: AbortSignal) => Promise<ProcessRow[]>;
  /** KILL QUERY (the statement) or KILL CONNECTION (the whole session). */
  readonly kill: (id: number, what: 'query' | 'connection') => Promise<void>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new UserError('cancelled'));
      },
      { once: true },
    );
  });

export function createServerService(session: MysqlSession): ServerService {
  let previous: Sample | undefined;

  async function status(signal?: AbortSignal): Promise<Map<string, string>> {
    const rows = await session.rows(
      `SHOW GLOBAL STATUS WHERE Variable_name IN (${STATUS_NAMES.map((name) => `'${name}'`).join(', ')})`,
      signal,
    );
    return new Map(
      rows.map((row) => [text(row['Variable_name']), text(row['Value'])]),
    );
  }

  async function replica(): Promise<ReplicaStatus | undefined> {
    // MySQL 8.4 only knows the new words; old servers only the old ones.
    const rows = await session
      .rows('SHOW REPLICA STATUS')
      .catch(() => session.rows('SHOW SLAVE STATUS'));
    const row = rows[0];
    if (!row) return undefined;
    const pick = (...names: string[]) =>
      names.map((name) => row[name]).find((value) => value !== undefined);
    const behind = pick('Seconds_Behind_Source', 'Seconds_Behind_Master');
    return {
      source: `${text(pick('Source_Host', 'Master_Host'))}:${text(pick('Source_Port', 'Master_Port'))}`,
      ioRunning: text(pick('Replica_IO_Running', 'Slave_IO_Running')),
      sqlRunning: text(pick('Replica_SQL_Running', 'Slave_SQL_Running')),
      secondsBehind:
        behind === null || behind === undefined ? null : count(behind),
      lastError: text(pick('Last_Error')),
    };
  }

  async function binaryLog(): Promise<ServerSummary['binaryLog']> {
    const [flag] = await session.rows('SELECT @@log_bin AS enabled');
    if (count(flag?.['enabled']) !== 1) return { enabled: false };
    const rows = await session
      .rows('SHOW BINARY LOG STATUS')
      .catch(() => session.rows('SHOW MASTER STATUS'));
    const row = rows[0];
    return row
      ? {
          enabled: true,
          file: text(row['File']),
          position: count(row['Position']),
        }
      : { enabled: true };
  }

  return {
    async summary(options = {}) {
      await session.connect(options.signal);
      let values = await status(options.signal);
      let now = Date.now();
      const stale = !previous || now - previous.at > 60_000;
      if (stale) {
        previous = { at: now, questions: count(values.get('Questions')) };
        await sleep(options.sampleMs ?? 1000, options.signal);
        values = await status(options.signal);
        now = Date.now();
      }
      const questions = count(values.get('Questions'));
      const before = previous as Sample;
      const qps =
        now > before.at
          ? (questions - before.questions) / ((now - before.at) / 1000)
          : undefined;
      previous = { at: now, questions };
      const [variables] = await session.rows(
        'SELECT @@max_connections AS maxConnections, @@innodb_buffer_pool_size AS poolBytes',
      );
      const pagesTotal = count(values.get('Innodb_buffer_pool_pages_total'));
      const pagesFree = count(values.get('Innodb_buffer_pool_pages_free'));
      const identity = session.identity();
      return {
        flavour: identity?.flavour ?? 'MySQL',
        version: identity?.version ?? '',
        uptimeSeconds: count(values.get('Uptime')),
        connections: {
          current: count(values.get('Threads_connected')),
          max: count(variables?.['maxConnections']),
          maxUsed: count(values.get('Max_used_connections')),
          total: count(values.get('Connections')),
        },
        threadsRunning: count(values.get('Threads_running')),
        queriesPerSecond: qps === undefined ? undefined : Math.max(0, qps),
        bufferPool:
          pagesTotal > 0
            ? {
                bytes: count(variables?.['poolBytes']),
                usedFraction: (pagesTotal - pagesFree) / pagesTotal,
              }
            : undefined,
        binaryLog: await binaryLog(),
        replica: await replica(),
      };
    },
    processes: (signal) => listProcesses(session, signal),
    kill: (id, what) => killProcess(session, id, what),
  };
}
