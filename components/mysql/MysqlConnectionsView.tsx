import { useMemo } from 'react';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import type { MysqlConnectionControl } from '../../hooks/mysql/useMysqlConnection.js';
import type { MysqlList } from '../../hooks/mysql/useMysqlList.js';
import { useRootResetOpen } from '../../hooks/wizards/root-reset/useRootResetOpen.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import { oneOffForm } from '../../source/panes/mysql/mysql-dialogs.js';
import {
  connectionColumns,
  parseOneOff,
  stateLabel,
  type ConnectionRow,
} from '../../source/panes/mysql/mysql-format.js';
import { MysqlTable } from './MysqlTable.js';
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
  const { config } = useAppDeps();
  const shell = useShellApi();
  const { glyphs } = useTheme();
  const columns = useMemo(() => connectionColumns(glyphs), [glyphs]);
  const { mysql } = props;
  const registry = shell.session.services.mysql;
  const openReset = useRootResetOpen();
  const profiles = config.config.mysql?.connections;
  const current = mysql.connection?.name;
  const rows = useMemo((): ConnectionRow[] => {
    const state = (name: string) =>
      name === current
        ? stateLabel(mysql.state, glyphs)
        : registry.get(name)
          ? 'open'
          : '';
    const configured = Object.entries(profiles ?? {}).map(
      ([name, profile]) => ({ name, profile, state: state(name) }),
    );
    const oneOff = registry
      .names()
      .filter((name) => !(name in (profiles ?? {})))
      .flatMap((name) => {
        const open = registry.get(name);
        return open
          ? [{ name, profile: open.profile, state: state(name) }]
          : [];
      });
    return [...configured, ...oneOff];
  }, [profiles, registry, current, mysql.state, glyphs]);
  const list: MysqlList<ConnectionRow> = {
    rows,
    loading: false,
    error: undefined,
    updatedAt: undefined,
    reload: () => undefined,
  };
  const connect = (name: string, row: ConnectionRow) =>
    void mysql
      .connect(name, row.profile)
      .then((ok) => ok && props.onConnected());

  return (
    <MysqlTable
      title="Connections"
      columns={columns}
      rowId={rowId}
      list={list}
      scope={MYSQL_VIEW_SCOPE('connections')}
      filter={props.filter}
      height={props.height}
      width={props.width}
      isActive={props.isActive}
      emptyText="no connection profiles in the config (mysql.connections); n connects once"
      onOpen={(row) => connect(row.name, row)}
      onCommand={(command, row) => {
        if (command === 'mysql.connections.close' && row)
          void mysql.close(row.name);
        if (command === 'mysql.connections.resetRoot' && row)
          openReset(row.name, row.profile);
        if (command === 'mysql.connections.oneOff')
          void shell.ask(oneOffForm).then((values) => {
            const target = values?.['target']?.trim();
            if (!target) return;
            const profile = parseOneOff(
              target,
              values?.['mysqlUser'] ?? 'root',
            );
            if (profile) connect(target, { name: target, profile, state: '' });
          });
      }}
    />
  );
}
