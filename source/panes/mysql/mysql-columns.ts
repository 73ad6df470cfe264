/** The columns of the MySQL pane's lists. Pure. */
import type { MysqlConnectionProfile } from '../../config/mysql-profile-schema.js';
import type { Glyphs } from '../../lib/charset.js';
import type { DatabaseRow } from '../../mysql/admin/databases.js';
import type { ProcessRow } from '../../mysql/admin/server-status.js';
import type { TableRow } from '../../mysql/admin/tables.js';
import type { AccountRow } from '../../mysql/admin/users.js';
import { numberColumn } from '../../table/number-column.js';
import type { ColumnSpec } from '../../table/table-spec.js';
import { accountId, formatBytes as bytes } from './mysql-format.js';

/** "admin@db1:22 → root at 127.0.0.1:3306" for the connections list. */
function profileSummary(
  profile: MysqlConnectionProfile,
  glyphs: Glyphs,
): string {
  const ssh = `${profile.ssh.user ? `${profile.ssh.user}@` : ''}${profile.ssh.host}${profile.ssh.port ? `:${profile.ssh.port}` : ''}`;
  const target = profile.mysql.socket
    ? profile.mysql.socket
    : `${profile.mysql.host ?? '127.0.0.1'}:${profile.mysql.port ?? 3306}`;
  const jump = profile.ssh.jump ? ` via ${profile.ssh.jump}` : '';
  return `${ssh}${jump} ${glyphs.arrow} ${profile.mysql.user} at ${target}`;
}

export interface ConnectionRow {
  readonly name: string;
  readonly profile: MysqlConnectionProfile;
  readonly state: string;
}

export function connectionColumns(
  glyphs: Glyphs,
): readonly ColumnSpec<ConnectionRow>[] {
  return [
    {
      id: 'name',
      title: 'NAME',
      value: (row) => row.name,
      min: 8,
      grow: 1,
      growMax: 24,
    },
    {
      id: 'target',
      title: `SSH ${glyphs.arrow} MYSQL`,
      value: (row) => profileSummary(row.profile, glyphs),
      min: 20,
      grow: 3,
      // Shrinks before the state goes: whether it is connected matters more.
      priority: 2,
    },
    {
      id: 'state',
      title: 'STATE',
      value: (row) => row.state,
      min: 9,
      priority: 1,
    },
  ];
}

export const databaseColumns: readonly ColumnSpec<DatabaseRow>[] = [
  { id: 'name', title: 'DATABASE', value: (row) => row.name, min: 10, grow: 2 },
  {
    id: 'tables',
    title: 'TABLES',
    value: (row) => String(row.tables),
    sortValue: (row) => row.tables,
    align: 'right',
    min: 6,
  },
  {
    id: 'size',
    title: 'SIZE',
    value: (row) => bytes(row.bytes),
    sortValue: (row) => row.bytes,
    align: 'right',
    min: 8,
  },
  {
    id: 'collation',
    title: 'COLLATION',
    value: (row) => row.collation,
    min: 10,
    grow: 1,
    priority: 2,
  },
];

export const tableColumns: readonly ColumnSpec<TableRow>[] = [
  { id: 'name', title: 'TABLE', value: (row) => row.name, min: 10, grow: 2 },
  {
    id: 'engine',
    title: 'ENGINE',
    value: (row) => row.engine || row.kind,
    min: 6,
    priority: 3,
  },
  numberColumn({
    id: 'rows',
    title: '~ROWS',
    number: (row) => row.estimatedRows,
    min: 6,
  }),
  numberColumn({
    id: 'data',
    title: 'DATA',
    number: (row) => row.dataBytes,
    format: bytes,
    min: 8,
  }),
  numberColumn({
    id: 'index',
    title: 'INDEX',
    number: (row) => row.indexBytes,
    format: bytes,
    min: 8,
    priority: 2,
  }),
];

/** Short words for the list; Enter shows the whole message with the grants. */
const WARNING_LABELS: Record<AccountRow['warnings'][number]['kind'], string> = {
  'global-privileges': 'global privs',
  'open-without-password': '% without password',
};

export const userColumns: readonly ColumnSpec<AccountRow>[] = [
  {
    id: 'account',
    title: 'USER@HOST',
    value: accountId,
    min: 14,
    grow: 1,
    growMax: 36,
  },
  {
    id: 'plugin',
    title: 'AUTH',
    value: (row) => row.plugin.replace(/_password$/, '') || '-',
    min: 6,
    priority: 3,
  },
  {
    id: 'password',
    title: 'PASSWORD',
    value: (row) => (row.hasPassword ? 'yes' : 'NONE'),
    tone: (row) => (row.hasPassword ? undefined : 'warn'),
    min: 8,
    priority: 2,
  },
  {
    id: 'warning',
    title: 'WARNING',
    value: (row) =>
      row.warnings.map((warning) => WARNING_LABELS[warning.kind]).join('; '),
    tone: (row) => (row.warnings.length > 0 ? 'warn' : undefined),
    min: 10,
    grow: 3,
  },
];

export const processColumns: readonly ColumnSpec<ProcessRow>[] = [
  numberColumn({ id: 'id', title: 'ID', number: (row) => row.id, min: 4 }),
  {
    id: 'user',
    title: 'USER',
    value: (row) => row.user,
    min: 6,
    growMax: 16,
    grow: 1,
  },
  {
    id: 'db',
    title: 'DB',
    value: (row) => row.database ?? '',
    min: 4,
    priority: 3,
  },
  {
    id: 'command',
    title: 'CMD',
    value: (row) => row.command,
    min: 5,
    priority: 2,
  },
  numberColumn({
    id: 'time',
    title: 'SEC',
    number: (row) => row.seconds,
    min: 4,
  }),
  {
    id: 'info',
    title: 'QUERY',
    value: (row) => row.info ?? row.state,
    min: 10,
    grow: 3,
  },
];
