/** Plain data of the MySQL layer: where a server is, and what it answers (cells, columns, state, identity). */

/** Where MySQL is, as seen from the SSH host. */
export type MysqlEndpoint =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'socket'; readonly path: string };

export interface MysqlTarget {
  readonly endpoint: MysqlEndpoint;
  readonly user: string;
  /** false for accounts that log in without one (unix_socket over a socket forward). */
  readonly askPassword?: boolean | undefined;
}

/**
 * One value for display: null is SQL NULL (show it distinctly), a string is
 * text (numbers, dates and JSON arrive as text), `hex` is binary data.
 */
export type Cell =
  null | string | { readonly hex: string; readonly bytes: number };

export interface ResultColumn {
  readonly name: string;
  /** Server type name, e.g. VARCHAR, BLOB, DECIMAL. */
  readonly type: string;
  readonly binary: boolean;
  readonly numeric: boolean;
}

export type MysqlState =
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'disconnected'
  /** Connecting failed before it ever succeeded: lastError says why. */
  | 'failed'
  | 'closed';

export type Flavour = 'MySQL' | 'MariaDB';

export interface ServerIdentity {
  readonly flavour: Flavour;
  readonly version: string;
  /** e.g. "mariadb.org binary distribution", from @@version_comment. */
  readonly comment: string;
}
