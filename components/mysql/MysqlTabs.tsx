import { Box, Text } from 'ink';
import type { MysqlState } from '../../source/mysql/mysql-types.js';
import {
  MYSQL_VIEWS,
  stateLabel,
  VIEW_TITLES,
  type MysqlView,
} from '../../source/panes/mysql/mysql-views.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface MysqlTabsProps {
  readonly view: MysqlView;
  readonly connection: string | undefined;
  readonly state: MysqlState;
  readonly server: string | undefined;
  readonly readOnly: boolean;
  readonly width: number;
}

/** Two lines: the connection and its state, then the views with the current one marked. */
export function MysqlTabs(props: MysqlTabsProps) {
  const theme = useTheme();
  const disconnected = props.state === 'disconnected';
  const header = props.connection
    ? [
        `MySQL ${props.connection}`,
        stateLabel(props.state),
        props.server,
        props.readOnly ? 'READ-ONLY' : undefined,
      ]
        .filter(Boolean)
        .join(` ${theme.glyphs.dot} `)
    : 'MySQL: no connection (Enter on a profile connects)';
  return (
    <Box flexDirection="column">
      <Text
        bold
        color={disconnected ? theme.tone('error') : theme.ui.accent}
        wrap="truncate-end"
      >
        {fitCell(header, props.width)}
      </Text>
      <Text wrap="truncate-end">
        {MYSQL_VIEWS.map((view) => (
          <Text
            key={view}
            inverse={view === props.view}
            color={view === props.view ? theme.ui.accent : undefined}
          >
            {` ${VIEW_TITLES[view]} `}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
