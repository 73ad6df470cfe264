import { Text } from 'ink';
import { useMysqlQuery } from '../../hooks/mysql/useMysqlQuery.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import type { MysqlView } from '../../source/panes/mysql/mysql-views.js';
import { MysqlDatabasesView } from './MysqlDatabasesView.js';
import { MysqlQueryView } from './MysqlQueryView.js';
import { MysqlRowsView } from './MysqlRowsView.js';
import { MysqlServerView } from './MysqlServerView.js';
import { MysqlTablesView } from './MysqlTablesView.js';
import { MysqlUsersView } from './MysqlUsersView.js';
import { useTheme } from '../theme.js';

export interface MysqlConnectedViewsProps {
  readonly connection: MysqlConnection;
  readonly view: Exclude<MysqlView, 'connections'>;
  readonly database: string | undefined;
  readonly table: string | undefined;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly filter: string;
  readonly openDatabase: (database: string) => void;
  readonly openTable: (table: string) => void;
}

/** The views of one connection; the query console keeps its text and result across them. */
export function MysqlConnectedViews(props: MysqlConnectedViewsProps) {
  const theme = useTheme();
  const query = useMysqlQuery(props.connection);
  const common = {
    connection: props.connection,
    height: props.height,
    width: props.width,
    isActive: props.isActive,
  };
  const hint = (text: string) => <Text color={theme.ui.muted}>{text}</Text>;
  switch (props.view) {
    case 'server':
      return <MysqlServerView {...common} filter={props.filter} />;
    case 'databases':
      return (
        <MysqlDatabasesView
          {...common}
          filter={props.filter}
          onOpen={props.openDatabase}
        />
      );
    case 'tables':
      return props.database === undefined ? (
        hint('choose a database first: B, then Enter on one')
      ) : (
        <MysqlTablesView
          key={props.database}
          {...common}
          database={props.database}
          filter={props.filter}
          onRows={props.openTable}
        />
      );
    case 'rows':
      return props.database === undefined || props.table === undefined ? (
        hint('choose a table first: T, then r on one')
      ) : (
        <MysqlRowsView
          key={`${props.database}.${props.table}`}
          {...common}
          database={props.database}
          table={props.table}
        />
      );
    case 'query':
      return (
        <MysqlQueryView
          query={query}
          database={props.database}
          height={props.height}
          width={props.width}
          isActive={props.isActive}
        />
      );
    case 'users':
      return (
        <MysqlUsersView
          {...common}
          database={props.database}
          filter={props.filter}
        />
      );
  }
}
