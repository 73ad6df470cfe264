import { Box, Text } from 'ink';
import type { MysqlState } from '../../source/mysql/mysql-values.js';
import {
  MYSQL_VIEWS,
  stateLabel,
  VIEW_TITLES,
  type MysqlView,
} from '../../source/panes/mysql/mysql-views.js';
import { useTheme } from '../theme.js';
import { fitCell, fitPieces } from '../../source/lib/fit-cell.js';

export interface MysqlTabsProps {
  readonly view: MysqlView;
  readonly connection: string | undefined;
  readonly state: MysqlState;
  /** Why a connection that never came up failed. */
  readonly failure?: string | undefined;
  readonly server: string | undefined;
  readonly readOnly: boolean;
  readonly width: number;
}

/** Two lines: the connection and its state, then the views with the current one marked. */
export function MysqlTabs(props: MysqlTabsProps) {
  const theme = useTheme();
  const disconnected =
    props.state === 'disconnected' || props.state === 'failed';
  const header = props.connection
    ? [
        `MySQL ${props.connection}`,
        stateLabel(props.state, theme.glyphs, props.failure),
        props.server,
        props.readOnly ? 'READ-ONLY' : undefined,
      ]
        .filter(Boolean)
        .join(` ${theme.glyphs.dot} `)
    : 'MySQL: no connection (Enter on a profile connects)';
  const tabs = fitPieces(
    MYSQL_VIEWS.map((view) => ` ${VIEW_TITLES[view]} `),
    props.width,
    theme.glyphs.ellipsis,
  );
  return (
    <Box flexDirection="column">
      <Text
        bold
        color={disconnected ? theme.tone('error') : theme.ui.accent}
        wrap="truncate-end"
      >
        {fitCell(header, props.width, { ellipsis: theme.glyphs.ellipsis })}
      </Text>
      <Text wrap="truncate-end">
        {tabs.map((tab, index) => {
          const view = MYSQL_VIEWS[index];
          return (
            <Text
              key={view}
              inverse={view === props.view}
              color={view === props.view ? theme.ui.accent : undefined}
            >
              {tab}
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}
