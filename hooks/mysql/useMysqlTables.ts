import { describeError } from '../../source/lib/errors.js';
import type { TableRow } from '../../source/mysql/admin/tables.js';
import { structureSections } from '../../source/panes/mysql/mysql-structure.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { useCancellable } from '../actions/useCancellable.js';
import { useShellApi } from '../context/shell-context.js';
import type { LoadedList } from '../table/useListLoader.js';
import { useMysqlList } from './useMysqlList.js';

export interface MysqlTables {
  readonly list: LoadedList<TableRow>;
  /** Shows the table's structure (columns, indexes, SHOW CREATE TABLE). */
  readonly structure: (row: TableRow) => void;
}

/** The tables view of one database: the list, and the structure of one table. */
export function useMysqlTables(
  connection: MysqlConnection,
  database: string,
): MysqlTables {
  const shell = useShellApi();
  const cancellable = useCancellable();
  const { tables } = connection.services;
  const list = useMysqlList(
    (signal) => tables.list(database, signal),
    `${connection.name}/${database}`,
  );
  const structure = (row: TableRow) =>
    void cancellable((signal) =>
      tables.structure(database, row.name, signal),
    ).then(
      (result) =>
        shell.pushDetail(
          `${database}.${row.name}`,
          structureSections(row, result),
        ),
      (error: unknown) => shell.report('error', 'mysql', describeError(error)),
    );
  return { list, structure };
}
