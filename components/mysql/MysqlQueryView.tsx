import { Box, Text } from 'ink';
import { useState } from 'react';
import { useKeys } from '../../hooks/input/useKeys.js';
import type { MysqlQuery } from '../../hooks/mysql/useMysqlQuery.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import type { QueryResult } from '../../source/mysql/query/query-console.js';
import { fitCell } from '../../source/lib/fit-cell.js';
import { wrapLines } from '../../source/lib/wrap-lines.js';
import { MysqlEditor } from './MysqlEditor.js';
import { MysqlResultGrid } from './MysqlResultGrid.js';
import { useTheme } from '../theme.js';

export interface MysqlQueryViewProps {
  readonly query: MysqlQuery;
  /** The database statements run in (the one chosen in Databases, or a USE). */
  readonly database: string | undefined;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
}

const EDITOR_LINES = 4;
/** Rows the result keeps even under a long error. */
const MIN_GRID = 2;

function summary(result: QueryResult | undefined): string {
  if (!result) return 'type a statement; Enter runs it once it ends with ;';
  const ms = `${Math.round(result.elapsedMs)} ms`;
  if (result.kind === 'rows')
    return `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ' (first 1000 only)' : ''} in ${ms}`;
  return `${result.affectedRows} row${result.affectedRows === 1 ? '' : 's'} affected in ${ms}${result.warnings ? `, ${result.warnings} warning(s)` : ''}${result.info ? ` (${result.info})` : ''}`;
}

/** The SQL editor above the last good result; an error shows between them. */
export function MysqlQueryView({
  query,
  database,
  height,
  width,
  isActive,
}: MysqlQueryViewProps) {
  const theme = useTheme();
  const { glyphs } = theme;
  const [editing, setEditing] = useState(true);
  useKeys(
    [MYSQL_VIEW_SCOPE('query')],
    (command) => command === 'mysql.query.edit' && setEditing(true),
    isActive && !editing,
  );
  // The server's whole message ("... near '...' at line 1"), wrapped: its end says where.
  const errorRoom = Math.max(1, height - 1 - EDITOR_LINES - 2 - 1 - MIN_GRID);
  const errorLines = query.error
    ? wrapLines(`${glyphs.error} ${query.error}`, width).slice(0, errorRoom)
    : [];
  const status = query.running
    ? `running${glyphs.ellipsis} Ctrl+C cancels (KILL QUERY)`
    : summary(query.result);
  const gridHeight = Math.max(
    MIN_GRID,
    height - 1 - EDITOR_LINES - 2 - 1 - errorLines.length,
  );
  const result = query.result;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate-end">
        {fitCell(
          database === undefined
            ? `SQL ${glyphs.dot} no database: choose one in Databases (B), or USE one`
            : `SQL in ${database}`,
          width,
          { ellipsis: glyphs.ellipsis },
        )}
      </Text>
      <MysqlEditor
        query={query}
        lines={EDITOR_LINES}
        width={width}
        isActive={isActive && editing}
        onLeave={() => setEditing(false)}
      />
      {errorLines.map((line, index) => (
        // Two wrapped lines can read the same: the position tells them apart.
        <Text key={`${String(index)}:${line}`} color={theme.tone('error')}>
          {line}
        </Text>
      ))}
      <Text color={theme.ui.muted}>
        {fitCell(
          `${status}${editing ? ` ${glyphs.dot} Esc: browse the result` : ''}`,
          width,
          { ellipsis: glyphs.ellipsis },
        )}
      </Text>
      {result?.kind === 'rows' ? (
        <MysqlResultGrid
          columns={result.columns}
          rows={result.rows}
          height={gridHeight}
          width={width}
          isActive={isActive && !editing}
          scope={MYSQL_VIEW_SCOPE('query')}
        />
      ) : null}
    </Box>
  );
}
