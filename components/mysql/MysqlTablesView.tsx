import { useMysqlTables } from '../../hooks/mysql/useMysqlTables.js';
import type { TableRow } from '../../source/mysql/admin/tables.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { tableColumns } from '../../source/panes/mysql/mysql-columns.js';
import { MysqlListTable } from './MysqlListTable.js';

export interface MysqlTablesViewProps {
  readonly connection: MysqlConnection;
  readonly database: string;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly filter: string;
  readonly onRows: (table: string) => void;
}

const rowId = (row: TableRow) => row.name;

/** Tables of one database (estimates, no COUNT(*)); Enter shows the structure. */
export function MysqlTablesView(props: MysqlTablesViewProps) {
  const { database } = props;
  const { list, structure } = useMysqlTables(props.connection, database);
  return (
    <MysqlListTable
      title={`Tables of ${database}`}
      columns={tableColumns}
      rowId={rowId}
      list={list}
      scope={MYSQL_VIEW_SCOPE('tables')}
      filter={props.filter}
      height={props.height}
      width={props.width}
      isActive={props.isActive}
      emptyText={`${database} has no tables`}
      onOpen={structure}
      onCommand={(command, row) => {
        if (command === 'mysql.tables.rows' && row) props.onRows(row.name);
      }}
    />
  );
}
