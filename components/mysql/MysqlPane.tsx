import { Box } from 'ink';
import { useCallback, useState } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useKeys } from '../../hooks/input/useKeys.js';
import { useMysqlConnectAt } from '../../hooks/mysql/useMysqlConnectAt.js';
import { useMysqlConnection } from '../../hooks/mysql/useMysqlConnection.js';
import { useMysqlPlace } from '../../hooks/mysql/useMysqlPlace.js';
import { mysqlViewScopes } from '../../source/keymap/live-scopes.js';
import {
  stepView,
  viewOfCommand,
  type MysqlView,
} from '../../source/panes/mysql/mysql-views.js';
import { MysqlConnectedViews } from './MysqlConnectedViews.js';
import { MysqlConnectionsView } from './MysqlConnectionsView.js';
import { MysqlHints } from './MysqlHints.js';
import { MysqlTabs } from './MysqlTabs.js';
import type { PaneProps } from '../shell/pane-props.js';

/**
 * MySQL over SSH: a connection line, the views as tabs, the view, and its
 * keys. `at` (from the instances pane) is an SSH target to connect to once.
 */
export function MysqlPane(props: PaneProps) {
  const shell = useShellApi();
  const mysql = useMysqlConnection();
  const { connection } = mysql;
  const [view, showView] = useState<MysqlView>(
    connection ? 'databases' : 'connections',
  );
  // The filter is the pane's; a view of other rows starts unfiltered.
  const { setFilter } = shell;
  const hasFilter = props.filter !== '';
  const setView = useCallback(
    (next: MysqlView | ((current: MysqlView) => MysqlView)) => {
      if (hasFilter) setFilter('');
      showView(next);
    },
    [hasFilter, setFilter],
  );
  const place = useMysqlPlace(connection);
  const readOnly = connection?.guard.readOnly ?? shell.session.guard.readOnly;

  // Opened for an instance: ask for the MySQL user, then connect.
  const showDatabases = useCallback(() => setView('databases'), [setView]);
  useMysqlConnectAt(props.at, mysql.connect, showDatabases);

  useKeys(
    ['pane:mysql'],
    (command) => {
      if (command === 'mysql.nextView')
        return setView((current) => stepView(current, 1));
      if (command === 'mysql.previousView')
        return setView((current) => stepView(current, -1));
      const opened = viewOfCommand(command);
      if (opened) setView(opened);
    },
    props.isActive,
  );

  const bodyHeight = Math.max(3, props.height - 3);
  return (
    <Box flexDirection="column" height={props.height}>
      <MysqlTabs
        view={view}
        connection={mysql.sessionName}
        state={mysql.state}
        failure={mysql.failure}
        server={
          mysql.identity
            ? `${mysql.identity.flavour} ${mysql.identity.version}`
            : undefined
        }
        readOnly={readOnly}
        width={props.width}
      />
      <Box height={bodyHeight} flexDirection="column" overflow="hidden">
        {view === 'connections' || !connection ? (
          <MysqlConnectionsView
            mysql={mysql}
            height={bodyHeight}
            width={props.width}
            isActive={props.isActive}
            filter={props.filter}
            onConnected={() =>
              setView(view === 'connections' ? 'databases' : view)
            }
          />
        ) : (
          <MysqlConnectedViews
            key={connection.name}
            connection={connection}
            view={view}
            database={place.database}
            table={place.table}
            height={bodyHeight}
            width={props.width}
            isActive={props.isActive}
            filter={props.filter}
            openDatabase={(name) => (
              place.openDatabase(name),
              setView('tables')
            )}
            openTable={(name) => (place.openTable(name), setView('rows'))}
          />
        )}
      </Box>
      <MysqlHints
        scopes={mysqlViewScopes(view, connection !== undefined)}
        readOnly={readOnly}
        width={props.width}
      />
    </Box>
  );
}
