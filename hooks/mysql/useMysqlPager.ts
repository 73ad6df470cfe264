import type { PageRequest, RowPage } from '../../source/mysql/row-page.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useListLoader } from '../table/useListLoader.js';

export interface MysqlPager {
  readonly page: RowPage | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
  /** Page number from the start (1-based) when known, negative from the end. */
  readonly position: number;
  readonly go: (where: 'first' | 'last' | 'next' | 'previous') => void;
}

/** Where a page is: what the pager asks for, and the number it shows. */
interface PageAt {
  readonly request: PageRequest;
  readonly position: number;
}

const FIRST: PageAt = { request: { at: 'first' }, position: 1 };

/**
 * One table's rows a page at a time, through the shared list loader as a
 * pager: its one row is the page on screen, which stays on an error. Ctrl+R
 * and a new page size go back to the first page.
 */
export function useMysqlPager(
  connection: MysqlConnection,
  database: string,
  table: string,
  limit: number,
): MysqlPager {
  const { inFlight } = useAppDeps();
  const { report, refreshToken } = useShellApi();
  const list = useListLoader<RowPage, PageAt>(
    {
      load: async (at, signal) => ({
        rows: [
          await connection.services.rows.page(
            database,
            table,
            (at ?? FIRST).request,
            { limit, signal },
          ),
        ],
      }),
      refresh: { fast: 0, slow: 0 },
      inFlight,
      onError: (message) => report('error', 'mysql', message),
    },
    refreshToken,
    `${connection.name}/${database}/${table}/${limit}`,
  );
  const page = list.rows[0];
  const position = (list.at ?? FIRST).position;
  const go = (where: 'first' | 'last' | 'next' | 'previous') => {
    if (where === 'first') return list.loader.goTo(FIRST);
    if (where === 'last')
      return list.loader.goTo({ request: { at: 'last' }, position: -1 });
    if (!page) return;
    if (where === 'next') {
      if (!page.hasNext || !page.last)
        return report('info', 'mysql', 'this is the last page');
      return list.loader.goTo({
        request: { after: page.last },
        position: position + 1,
      });
    }
    if (!page.hasPrevious || !page.first)
      return report('info', 'mysql', 'this is the first page');
    list.loader.goTo({
      request: { before: page.first },
      position: position - 1,
    });
  };
  return {
    page,
    loading: list.status === 'loading' || list.refreshing,
    error: list.error,
    position,
    go,
  };
}
