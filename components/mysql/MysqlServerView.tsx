import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useMysqlList } from '../../hooks/mysql/useMysqlList.js';
import { useMysqlRefuse } from '../../hooks/mysql/useMysqlRefuse.js';
import { useMysqlWrite } from '../../hooks/mysql/useMysqlWrite.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import type {
  ProcessRow,
  ServerSummary,
} from '../../source/mysql/admin/server-status.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import {
  killForm,
  killRequest,
} from '../../source/panes/mysql/mysql-dialogs.js';
import { serverLines } from '../../source/panes/mysql/mysql-server-lines.js';
import { processColumns } from '../../source/panes/mysql/mysql-format.js';
import { MysqlTable } from './MysqlTable.js';
import { useTheme } from '../theme.js';

export interface MysqlServerViewProps {
  readonly connection: MysqlConnection;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly filter: string;
}

const rowId = (row: ProcessRow) => String(row.id);
const SUMMARY_MS = 5000;

/** Server figures (polled; QPS from two samples) over the process list. */
export function MysqlServerView(props: MysqlServerViewProps) {
  const shell = useShellApi();
  const { glyphs } = useTheme();
  const { connection } = props;
  const [summary, setSummary] = useState<ServerSummary | undefined>();
  const refuse = useMysqlRefuse(connection.guard);
  const write = useMysqlWrite();
  const list = useMysqlList(
    (signal) => connection.services.server.processes(signal),
    connection.name,
  );
  const { report } = shell;
  useEffect(() => {
    const controller = new AbortController();
    const sample = () =>
      void connection.services.server
        .summary({ signal: controller.signal })
        .then(
          (next) => !controller.signal.aborted && setSummary(next),
          () => undefined,
        );
    sample();
    const timer = setInterval(sample, SUMMARY_MS);
    return () => (controller.abort(), clearInterval(timer));
  }, [connection, report]);
  const lines = serverLines(summary, props.width, glyphs);
  return (
    <Box flexDirection="column" height={props.height}>
      {lines.map((line) => (
        <Text key={line} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <MysqlTable
        title="Processes"
        columns={processColumns}
        rowId={rowId}
        list={list}
        scope={MYSQL_VIEW_SCOPE('server')}
        filter={props.filter}
        height={Math.max(3, props.height - lines.length)}
        width={props.width}
        isActive={props.isActive}
        emptyText="no processes"
        onCommand={(command, row) => {
          if (command !== 'mysql.server.kill' || !row || refuse(command))
            return;
          void (async () => {
            const values = await shell.ask(killForm);
            if (!values) return;
            const what =
              values['what'] === 'connection' ? 'connection' : 'query';
            const answer = await shell.confirm(killRequest(row, what));
            if (answer.confirmed)
              await write(
                `kill ${what} ${row.id}`,
                () => connection.services.server.kill(row.id, what),
                list.reload,
              );
          })();
        }}
      />
    </Box>
  );
}
