/** The MySQL pane's views and how a connection state reads in its header. Pure. */
import type { Glyphs } from '../../lib/charset.js';
import type { MysqlState } from '../../mysql/mysql-values.js';

export const MYSQL_VIEWS = [
  'connections',
  'server',
  'databases',
  'tables',
  'rows',
  'query',
  'users',
] as const;
export type MysqlView = (typeof MYSQL_VIEWS)[number];

export const VIEW_TITLES: Record<MysqlView, string> = {
  connections: 'Connections',
  server: 'Server',
  databases: 'Databases',
  tables: 'Tables',
  rows: 'Rows',
  query: 'Query',
  users: 'Users',
};

/** The view a `mysql.view.*` key opens; undefined for any other command. */
export function viewOfCommand(command: string): MysqlView | undefined {
  const prefix = 'mysql.view.';
  if (!command.startsWith(prefix)) return undefined;
  const name = command.slice(prefix.length);
  return MYSQL_VIEWS.find((view) => view === name);
}

/** The view after (or before) this one, wrapping around. */
export function stepView(view: MysqlView, step: 1 | -1): MysqlView {
  const index = MYSQL_VIEWS.indexOf(view);
  const next = (index + step + MYSQL_VIEWS.length) % MYSQL_VIEWS.length;
  return MYSQL_VIEWS[next] ?? 'connections';
}

/**
 * Why a connection that never came up failed, in a few words: the whole
 * message (with what to do) is in the status line and the event log.
 */
export function failureOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'HostKeyError') return 'host key refused';
  return error.message;
}

/** How a connection state reads in the pane's header; `failure` from failureOf. */
export function stateLabel(
  state: MysqlState,
  glyphs: Glyphs,
  failure?: string,
): string {
  switch (state) {
    case 'idle':
      return 'not connected yet';
    case 'connecting':
      return `connecting${glyphs.ellipsis}`;
    case 'connected':
      return 'connected';
    case 'disconnected':
      return 'DISCONNECTED: the next action reconnects';
    case 'failed':
      return `NOT CONNECTED: ${failure ?? 'connecting failed'} (! says why; the next action retries)`;
    case 'closed':
      return 'closed';
  }
}
