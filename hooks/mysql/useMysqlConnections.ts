import type { Command } from '../../source/keymap/index.js';
import { useMemo } from 'react';
import type { ConnectionRow } from '../../source/panes/mysql/mysql-columns.js';
import { stateLabel } from '../../source/panes/mysql/mysql-views.js';
import type { ListSnapshot } from '../../source/table/list-loader-types.js';
import { useAppDeps } from '../context/app-context.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useRootResetOpen } from '../wizards/root-reset/useRootResetOpen.js';
import type { MysqlConnectionControl } from './useMysqlConnection.js';
import { useMysqlOneOff } from './useMysqlOneOff.js';

export interface MysqlConnections {
  /** The config's profiles, then this run's one-off connections: nothing to load. */
  readonly list: ListSnapshot<ConnectionRow>;
  readonly open: (row: ConnectionRow) => void;
  readonly onCommand: (
    command: Command,
    row: ConnectionRow | undefined,
  ) => void;
}

/** The connections view: profiles and open connections; Enter connects. */
export function useMysqlConnections(
  mysql: MysqlConnectionControl,
  onConnected: () => void,
): MysqlConnections {
  const { config } = useAppDeps();
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const registry = shell.session.services.mysql;
  const openReset = useRootResetOpen();
  const connectOnce = useMysqlOneOff(mysql.connect);
  const profiles = config.config.mysql?.connections;
  const current = mysql.connection?.name;
  const list = useMemo((): ListSnapshot<ConnectionRow> => {
    const state = (name: string) =>
      name === current
        ? mysql.state === 'failed'
          ? `not connected: ${mysql.failure ?? 'failed'}`
          : stateLabel(mysql.state, glyphs)
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
    return {
      status: 'ready',
      rows: [...configured, ...oneOff],
      hasMore: false,
      loadingMore: false,
      refreshing: false,
    };
  }, [profiles, registry, current, mysql.state, mysql.failure, glyphs]);
  const after = (connected: Promise<boolean>) =>
    void connected.then((ok) => ok && onConnected());
  return {
    list,
    open: (row) => after(mysql.connect(row.name, row.profile)),
    onCommand: (command, row) => {
      if (command === 'mysql.connections.close' && row)
        void mysql.close(row.name);
      if (command === 'mysql.connections.resetRoot' && row)
        openReset(row.name, row.profile);
      if (command === 'mysql.connections.oneOff') after(connectOnce());
    },
  };
}
