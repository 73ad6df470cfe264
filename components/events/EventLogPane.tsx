import { useMemo } from 'react';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useStore } from '../../hooks/context/useStore.js';
import type { LogEvent } from '../../source/events/event-log.js';
import { buildRows } from '../../source/table/table-rows.js';
import type { PaneProps } from '../shell/pane-props.js';
import { InteractiveTable } from '../widgets/InteractiveTable.js';
import type { Tone } from '../../source/lib/view-types.js';
import type { ColumnSpec } from '../../source/table/table-spec.js';

const LEVEL_TONES: Record<LogEvent['level'], Tone | undefined> = {
  info: undefined,
  warn: 'warn',
  error: 'error',
  write: 'accent',
};

const COLUMNS: readonly ColumnSpec<LogEvent>[] = [
  {
    id: 'time',
    title: 'TIME',
    value: (event) => event.at.toTimeString().slice(0, 8),
    sortValue: (event) => event.id,
    min: 8,
  },
  {
    id: 'level',
    title: 'LEVEL',
    value: (event) => event.level,
    tone: (event) => LEVEL_TONES[event.level],
    min: 5,
  },
  {
    id: 'source',
    title: 'SOURCE',
    value: (event) => event.source,
    min: 6,
    priority: 3,
  },
  {
    id: 'message',
    title: 'MESSAGE',
    value: (event) => event.message,
    grow: 1,
    min: 20,
  },
];

const SPEC = { columns: COLUMNS, rowId: (event: LogEvent) => String(event.id) };

/** Every write, error and message of this session, newest first. */
export function EventLogPane(props: PaneProps) {
  const { events } = useAppDeps();
  const shell = useShellApi();
  const all = useStore(events);
  const rows = useMemo(() => buildRows(SPEC, [...all].reverse()), [all]);
  const describe = (event: LogEvent) =>
    shell.pushDetail(`event ${event.id}`, [
      {
        title: `${event.level} from ${event.source}`,
        rows: [
          ['Time', event.at.toISOString()],
          ['Level', event.level],
          ['Source', event.source],
          ['Message', event.message],
        ],
      },
    ]);
  return (
    <InteractiveTable
      title={props.title}
      columns={COLUMNS}
      rows={rows}
      filter={props.filter}
      height={props.height}
      width={props.width}
      isActive={props.isActive}
      status={{ loading: false, partial: false }}
      emptyText="no writes and no messages yet"
      onOpen={describe}
      onDescribe={describe}
    />
  );
}
