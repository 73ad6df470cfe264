import { useMemo } from 'react';
import type { Scope, Command } from '../../source/keymap/index.js';
import { buildRows } from '../../source/table/table-rows.js';
import type { ListSnapshot } from '../../source/table/list-loader-types.js';
import { InteractiveTable } from '../widgets/InteractiveTable.js';
import type { ColumnSpec } from '../../source/table/table-spec.js';

export interface MysqlListTableProps<Row> {
  readonly title: string;
  readonly columns: readonly ColumnSpec<Row>[];
  readonly rowId: (row: Row) => string;
  readonly list: ListSnapshot<Row>;
  readonly scope: Scope;
  readonly filter: string;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly emptyText: string;
  readonly onOpen?: (row: Row) => void;
  readonly onCommand: (command: Command, row: Row | undefined) => void;
}

/** A list of one MySQL view in the shared table widget (windowed, sortable, filterable). */
export function MysqlListTable<Row>(props: MysqlListTableProps<Row>) {
  const { columns, rowId, list } = props;
  // Loading the first rows, or again over the rows shown.
  const busy = list.status === 'loading' || list.refreshing;
  const rows = useMemo(
    () => buildRows({ columns, rowId }, list.rows),
    [columns, rowId, list.rows],
  );
  return (
    <InteractiveTable
      title={props.title}
      columns={columns}
      rows={rows}
      filter={props.filter}
      height={props.height}
      width={props.width}
      isActive={props.isActive}
      scope={props.scope}
      status={{
        loading: busy && list.rows.length === 0,
        refreshing: busy && list.rows.length > 0,
        partial: false,
        error: list.error,
        updatedAt: list.updatedAt,
      }}
      emptyText={props.emptyText}
      {...(props.onOpen ? { onOpen: props.onOpen } : {})}
      onCommand={(command, row) => props.onCommand(command, row)}
    />
  );
}
