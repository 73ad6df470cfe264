/**
 * Keys of the MySQL pane. Common keys (views, connections) are in `pane:mysql`
 * and show in the footer; each view has its own scope `pane:mysql/<view>`,
 * whose keys the pane lists on its own hint line. Capitals switch views, X is
 * the irreversible one (typed confirmation), n makes something new.
 */
import type { Binding, Scope } from './bindings.js';

const pane = 'pane:mysql' as const;
export const MYSQL_VIEW_SCOPE = (view: string): Scope => `pane:mysql/${view}`;
const connections = MYSQL_VIEW_SCOPE('connections');
const server = MYSQL_VIEW_SCOPE('server');
const databases = MYSQL_VIEW_SCOPE('databases');
const tables = MYSQL_VIEW_SCOPE('tables');
const rows = MYSQL_VIEW_SCOPE('rows');
const query = MYSQL_VIEW_SCOPE('query');
const users = MYSQL_VIEW_SCOPE('users');
const editor = MYSQL_VIEW_SCOPE('editor');

export const MYSQL_BINDINGS = [
  {
    command: 'mysql.nextView',
    keys: ['tab'],
    scope: pane,
    hint: 'view',
    description:
      'MySQL: next view (Server, Databases, Tables, Rows, Query, Users)',
  },
  {
    command: 'mysql.previousView',
    keys: ['shift+tab'],
    scope: pane,
    description: 'MySQL: previous view',
  },
  {
    command: 'mysql.view.connections',
    keys: ['C'],
    scope: pane,
    hint: 'connections',
    description: 'MySQL: connection profiles; Enter connects',
  },
  {
    command: 'mysql.view.server',
    keys: ['S'],
    scope: pane,
    description: 'MySQL: server status and process list',
  },
  {
    command: 'mysql.view.databases',
    keys: ['B'],
    scope: pane,
    description: 'MySQL: databases',
  },
  {
    command: 'mysql.view.tables',
    keys: ['T'],
    scope: pane,
    description: 'MySQL: tables of the chosen database',
  },
  {
    command: 'mysql.view.rows',
    keys: ['R'],
    scope: pane,
    description: 'MySQL: rows of the chosen table',
  },
  {
    command: 'mysql.view.query',
    keys: ['Q'],
    scope: pane,
    description: 'MySQL: query console',
  },
  {
    command: 'mysql.view.users',
    keys: ['U'],
    scope: pane,
    description: 'MySQL: users and grants',
  },

  {
    command: 'mysql.connections.oneOff',
    keys: ['n'],
    scope: connections,
    hint: 'new',
    description: 'connect to user@host[:port] once, without a profile',
  },
  {
    command: 'mysql.connections.close',
    keys: ['x'],
    scope: connections,
    hint: 'close',
    description: 'close the connection (tunnel and MySQL sessions)',
  },

  {
    command: 'mysql.server.kill',
    keys: ['K'],
    scope: server,
    hint: 'kill',
    write: true,
    description: 'kill the selected process (its query or its connection)',
  },

  {
    command: 'mysql.databases.create',
    keys: ['n'],
    scope: databases,
    hint: 'new',
    write: true,
    description: 'create a database with a character set and collation',
  },
  {
    command: 'mysql.databases.drop',
    keys: ['X'],
    scope: databases,
    hint: 'drop',
    write: true,
    description: 'drop the database (type its name to confirm)',
  },
  {
    command: 'mysql.databases.dump',
    keys: ['D'],
    scope: databases,
    hint: 'dump',
    description: 'dump the database to a local file (gzip optional) as a job',
  },
  {
    command: 'mysql.databases.restore',
    keys: ['L'],
    scope: databases,
    hint: 'restore',
    write: true,
    description: 'restore a local .sql or .sql.gz into a database',
  },

  {
    command: 'mysql.tables.rows',
    keys: ['r'],
    scope: tables,
    hint: 'rows',
    description: 'page through the rows of the selected table',
  },

  {
    command: 'mysql.rows.next',
    keys: [']'],
    scope: rows,
    hint: 'next page',
    description: 'next page of rows',
  },
  {
    command: 'mysql.rows.previous',
    keys: ['['],
    scope: rows,
    hint: 'prev page',
    description: 'previous page of rows',
  },
  {
    command: 'mysql.rows.first',
    keys: ['<'],
    scope: rows,
    hint: 'first',
    description: 'first page of rows',
  },
  {
    command: 'mysql.rows.last',
    keys: ['>'],
    scope: rows,
    hint: 'last',
    description: 'last page of rows',
  },
  {
    command: 'mysql.grid.left',
    keys: ['left', 'h'],
    scope: rows,
    hint: 'columns',
    description: 'scroll a wide result one column left (→ or l: right)',
  },
  {
    command: 'mysql.grid.right',
    keys: ['right', 'l'],
    scope: rows,
    description: 'scroll a wide result one column right',
  },

  {
    command: 'mysql.query.edit',
    keys: ['e', 'i'],
    scope: query,
    hint: 'edit',
    description: 'back to the SQL editor',
  },
  {
    command: 'mysql.query.left',
    keys: ['left', 'h'],
    scope: query,
    description: 'scroll the result one column left',
  },
  {
    command: 'mysql.query.right',
    keys: ['right', 'l'],
    scope: query,
    description: 'scroll the result one column right',
  },
  {
    command: 'mysql.editor.run',
    keys: ['ctrl+e'],
    scope: editor,
    hint: 'run',
    description:
      'run the statement (Enter runs too once it ends with ;, otherwise adds a line)',
  },
  {
    command: 'mysql.editor.clear',
    keys: ['ctrl+u'],
    scope: editor,
    hint: 'clear',
    description: 'clear the editor',
  },

  {
    command: 'mysql.users.create',
    keys: ['n'],
    scope: users,
    hint: 'new',
    write: true,
    description:
      'create a user: name, host (localhost, %, 10.%, custom), password',
  },
  {
    command: 'mysql.users.password',
    keys: ['p'],
    scope: users,
    hint: 'password',
    write: true,
    description: 'set the password of the selected user (typed twice, masked)',
  },
  {
    command: 'mysql.users.grant',
    keys: ['a'],
    scope: users,
    hint: 'grant',
    write: true,
    description: 'grant privileges on db.* or one table, from a checklist',
  },
  {
    command: 'mysql.users.revoke',
    keys: ['v'],
    scope: users,
    hint: 'revoke',
    write: true,
    description: 'revoke privileges on db.* or one table',
  },
  {
    command: 'mysql.users.drop',
    keys: ['X'],
    scope: users,
    hint: 'drop',
    write: true,
    description: 'drop the user (type user@host to confirm)',
  },
] as const satisfies readonly Binding[];
