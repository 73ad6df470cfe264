import { useMemo } from 'react';
import type { MysqlConnectionControl } from '../../hooks/mysql/useMysqlConnection.js';
import { useMysqlConnections } from '../../hooks/mysql/useMysqlConnections.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import {
  connectionColumns,
  type ConnectionRow,
} from '../../source/panes/mysql/mysql-columns.js';
import { MysqlListTable } from './MysqlListTable.js';
import { useTheme } from '../theme.js';

export interface MysqlConnectionsViewProps {
  readonly mysql: MysqlConnectionControl;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly filter: string;
  readonly onConnected: () => void;
}

const rowId = (row: ConnectionRow) => row.name;

/** Connection profiles from the config and the connections of this run; Enter connects. */
export function MysqlConnectionsView(props: MysqlConnectionsViewProps) {
  const connections = useMysqlConnections(props.mysql, props.onConnected);
  const { glyphs } = useTheme();
  const columns = useMemo(() => connectionColumns(glyphs), [glyphs]);
  return (
    <MysqlListTable
      title="Connections"
      columns={columns}
      rowId={rowId}
      list={connections.list}
      scope={MYSQL_VIEW_SCOPE('connections')}
      filter={props.filter}
      height={props.height}
      width={props.width}
      isActive={props.isActive}
      emptyText="no connection profiles in the config (mysql.connections); n connects once"
      onOpen={connections.open}
      onCommand={connections.onCommand}
    />
  );
}
