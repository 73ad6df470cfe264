import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { useMysqlPager } from '../../hooks/mysql/useMysqlPager.js';
import { MYSQL_VIEW_SCOPE } from '../../source/keymap/mysql.js';
import type { Cell } from '../../source/mysql/mysql-values.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { MysqlResultGrid } from './MysqlResultGrid.js';
import { useTheme } from '../theme.js';
import { fitCell } from '../../source/lib/fit-cell.js';

export interface MysqlRowsViewProps {
  readonly connection: MysqlConnection;
  readonly database: string;
  readonly table: string;
  readonly height: number;
  readonly width: number;
  readonly isActive: boolean;
}

const PAGER: Record<string, 'first' | 'last' | 'next' | 'previous'> = {
  'mysql.rows.next': 'next',
  'mysql.rows.previous': 'previous',
  'mysql.rows.first': 'first',
  'mysql.rows.last': 'last',
};

/** A table's rows a page at a time (keyset on the primary key, else offset). */
export function MysqlRowsView(props: MysqlRowsViewProps) {
  const theme = useTheme();
  const limit = Math.max(5, props.height - 2);
  const pager = useMysqlPager(
    props.connection,
    props.database,
    props.table,
    limit,
  );
  const { page } = pager;
  // Keyset pages know their primary key: the cursor follows it through a reload.
  const rowKey = useMemo(() => {
    if (page?.mode !== 'keyset') return undefined;
    const at = page.primaryKey.map((name) =>
      page.columns.findIndex((column) => column.name === name),
    );
    if (at.length === 0 || at.includes(-1)) return undefined;
    return (row: readonly Cell[]) =>
      JSON.stringify(at.map((index) => row[index] ?? null));
  }, [page]);
  const where =
    page === undefined
      ? ''
      : page.mode === 'offset'
        ? `rows ${(page.offset ?? 0) + 1}-${(page.offset ?? 0) + page.rows.length}`
        : pager.position > 0
          ? `page ${pager.position}`
          : `page ${-pager.position} from the end`;
  const title = [
    `${props.database}.${props.table}`,
    where,
    page
      ? page.mode === 'keyset'
        ? `by ${page.primaryKey.join(', ')}`
        : 'no primary key: offset paging'
      : '',
    pager.loading ? `loading${theme.glyphs.ellipsis}` : '',
    pager.error ? `error: ${pager.error}` : '',
  ]
    .filter(Boolean)
    .join(` ${theme.glyphs.dot} `);
  return (
    <Box flexDirection="column" height={props.height}>
      <Text
        bold
        color={pager.error ? theme.tone('error') : undefined}
        wrap="truncate-end"
      >
        {fitCell(title, props.width, { ellipsis: theme.glyphs.ellipsis })}
      </Text>
      {page && page.rows.length === 0 ? (
        <Text color={theme.ui.muted}>the table is empty</Text>
      ) : (
        <MysqlResultGrid
          columns={page?.columns ?? []}
          rows={page?.rows ?? []}
          height={props.height - 1}
          width={props.width}
          isActive={props.isActive}
          scope={MYSQL_VIEW_SCOPE('rows')}
          rowKey={rowKey}
          onCommand={(command) => {
            const where = PAGER[command];
            if (where) pager.go(where);
          }}
        />
      )}
    </Box>
  );
}
