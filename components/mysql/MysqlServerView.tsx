import { Box, Text } from 'ink';
import { useMysqlServer } from '../../hooks/mysql/useMysqlServer.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import type { ProcessRow } from '../../source/mysql/admin/server-status.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { processColumns } from '../../source/panes/mysql/mysql-columns.js';
import { serverLines } from '../../source/panes/mysql/mysql-server-lines.js';
import { MysqlListTable } from './MysqlListTable.js';
import { useTheme } from '../theme.js';

export interface MysqlServerViewProps {
  readonly connection: MysqlConnection;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
  readonly filter: string;
}

const rowId = (row: ProcessRow) => String(row.id);

/** Server figures (polled; QPS from two samples) over the process list. */
export function MysqlServerView(props: MysqlServerViewProps) {
  const server = useMysqlServer(props.connection);
  const { glyphs } = useTheme();
  const lines = serverLines(server.summary, props.width, glyphs);
  return (
    <Box flexDirection="column" height={props.height}>
      {lines.map((line) => (
        <Text key={line} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <MysqlListTable
        title="Processes"
        columns={processColumns}
        rowId={rowId}
        list={server.processes}
        scope={MYSQL_VIEW_SCOPE('server')}
        filter={props.filter}
        height={Math.max(3, props.height - lines.length)}
        width={props.width}
        isActive={props.isActive}
        emptyText="no processes"
        onCommand={server.onCommand}
      />
    </Box>
  );
}
