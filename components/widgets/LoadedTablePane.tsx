import type { Command } from '../../source/keymap/index.js';
import { useMemo, useState } from 'react';
import { useReadOnlyRefusal } from '../../hooks/actions/useReadOnlyRefusal.js';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useListLoader } from '../../hooks/table/useListLoader.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { buildRows, createRowCache } from '../../source/table/table-rows.js';
import type { PaneProps } from '../shell/pane-props.js';
import { InteractiveTable } from './InteractiveTable.js';
import type {
  PaneCommandContext,
  TablePaneSpec,
} from '../../source/table/table-spec.js';

export interface LoadedTablePaneProps<Row, Services> extends PaneProps {
  readonly spec: TablePaneSpec<Row, Services>;
  readonly services: Services;
  readonly emptyText?: string;
  readonly onOpen?: (row: Row) => void;
  /** Replaces the detail view of `d` (a pane that looks more up first). */
  readonly onDescribe?: (row: Row) => void;
  readonly onCommand?: (
    command: Command,
    context: PaneCommandContext<Row>,
  ) => void;
}

/** A pane whose content is one list from a service: the common case. */
export function LoadedTablePane<Row, Services>(
  props: LoadedTablePaneProps<Row, Services>,
) {
  const { spec, services } = props;
  const deps = useAppDeps();
  const shell = useShellApi();
  const refuse = useReadOnlyRefusal();
  const list = useListLoader(
    {
      load: (cursor, signal) => spec.load(services, cursor, signal),
      ...(spec.transitional
        ? { transitional: (row: Row) => spec.transitional?.(row) ?? false }
        : {}),
      refresh: deps.config.config.ui.refresh,
      inFlight: deps.inFlight,
      onError: (message) => shell.report('error', spec.name, message),
    },
    shell.refreshToken,
  );
  // Rows of earlier pages are built once; a refresh rebuilds only what changed.
  const [cache] = useState(() => createRowCache<Row>());
  const rows = useMemo(
    () => buildRows(spec, list.rows, cache),
    [spec, list.rows, cache],
  );
  const describe = (row: Row) =>
    shell.pushDetail(`${props.title}: ${spec.rowId(row)}`, spec.describe(row));
  return (
    <InteractiveTable
      title={props.title}
      columns={spec.columns}
      rows={rows}
      filter={props.filter}
      height={props.height}
      width={props.width}
      isActive={props.isActive}
      scope={`pane:${spec.name}`}
      status={{
        loading: list.status === 'loading',
        refreshing: list.refreshing,
        partial: list.hasMore,
        loadingMore: list.loadingMore,
        note: list.note,
        error: list.error,
        updatedAt: list.updatedAt,
      }}
      {...(props.emptyText === undefined ? {} : { emptyText: props.emptyText })}
      onDescribe={props.onDescribe ?? describe}
      onMore={() => list.loader.loadMore()}
      // Enter describes the row unless the pane gives it another meaning.
      onOpen={props.onOpen ?? describe}
      onCommand={(command, row, marked) => {
        // Read-only mode refuses write keys here, before any dialog or call.
        if (refuse.command(command, spec.name)) return;
        const targets = marked.length > 0 ? marked : row ? [row] : [];
        props.onCommand?.(command, {
          row,
          targets,
          refresh: () => list.loader.refresh(),
        });
      }}
    />
  );
}
