import { useMysqlDatabases } from '../../hooks/mysql/useMysqlDatabases.js';
import type { DatabaseRow } from '../../source/mysql/admin/databases.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { databaseColumns } from '../../source/panes/mysql/mysql-columns.js';
import { MysqlListTable } from './MysqlListTable.js';

export interface MysqlDatabasesViewProps {
  readonly connection: MysqlConnection;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly filter: string;
  readonly onOpen: (database: string) => void;
}

const rowId = (row: DatabaseRow) => row.name;

/** Databases with table counts and sizes; Enter lists the tables. */
export function MysqlDatabasesView(props: MysqlDatabasesViewProps) {
  const { list, onCommand } = useMysqlDatabases(props.connection);
  return (
    <MysqlListTable
      title="Databases"
      columns={databaseColumns}
      rowId={rowId}
      list={list}
      scope={MYSQL_VIEW_SCOPE('databases')}
      filter={props.filter}
      height={props.height}
      width={props.width}
      isActive={props.isActive}
      emptyText="no databases visible to this user"
      onOpen={(row) => props.onOpen(row.name)}
      onCommand={onCommand}
    />
  );
}
