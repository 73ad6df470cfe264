import type { Command } from '../../source/keymap/index.js';
import type { DatabaseRow } from '../../source/mysql/admin/databases.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import type { LoadedList } from '../table/useListLoader.js';
import { useMysqlDatabaseActions } from './useMysqlDatabaseActions.js';
import { useMysqlList } from './useMysqlList.js';

export interface MysqlDatabases {
  readonly list: LoadedList<DatabaseRow>;
  readonly onCommand: (command: Command, row: DatabaseRow | undefined) => void;
}

/** The databases view: the list and what its keys do. */
export function useMysqlDatabases(connection: MysqlConnection): MysqlDatabases {
  const { databases } = connection.services;
  const list = useMysqlList(
    (signal) => databases.list(signal),
    connection.name,
  );
  const onCommand = useMysqlDatabaseActions(connection, () =>
    list.loader.refresh(),
  );
  return { list, onCommand };
}
