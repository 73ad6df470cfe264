import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../source/lib/errors.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { useShellApi } from '../context/shell-context.js';
import type { PageRequest, RowPage } from '../../source/mysql/row-page.js';

export interface MysqlPager {
  readonly page: RowPage | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
  /** Page number from the start (1-based) when known, negative from the end. */
  readonly position: number;
  readonly go: (where: 'first' | 'last' | 'next' | 'previous') => void;
}

/** One table's rows a page at a time; the last good page stays on an error. */
export function useMysqlPager(
  connection: MysqlConnection,
  database: string,
  table: string,
  limit: number,
): MysqlPager {
  const { report, refreshToken } = useShellApi();
  const [page, setPage] = useState<RowPage | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [position, setPosition] = useState(1);
  const inFlight = useRef<AbortController | undefined>(undefined);
  const current = useRef<RowPage | undefined>(undefined);

  const load = useCallback(
    (request: PageRequest, nextPosition: number) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      connection.services.rows
        .page(database, table, request, { limit, signal: controller.signal })
        .then(
          (next) => {
            if (controller.signal.aborted) return;
            current.current = next;
            setPage(next);
            setPosition(nextPosition);
            setError(undefined);
            setLoading(false);
          },
          (failure: unknown) => {
            if (controller.signal.aborted) return;
            const message = describeError(failure);
            setError(message);
            setLoading(false);
            report('error', 'mysql', message);
          },
        );
    },
    [connection, database, table, limit, report],
  );

  useEffect(() => {
    // The first page of a newly chosen table is the effect's whole purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    load({ at: 'first' }, 1);
    return () => inFlight.current?.abort();
  }, [load, refreshToken]);

  const go = useCallback(
    (where: 'first' | 'last' | 'next' | 'previous') => {
      const shown = current.current;
      if (where === 'first') return load({ at: 'first' }, 1);
      if (where === 'last') return load({ at: 'last' }, -1);
      if (!shown) return;
      if (where === 'next') {
        if (!shown.hasNext || !shown.last)
          return report('info', 'mysql', 'this is the last page');
        return load({ after: shown.last }, position + 1);
      }
      if (!shown.hasPrevious || !shown.first)
        return report('info', 'mysql', 'this is the first page');
      load({ before: shown.first }, position - 1);
    },
    [load, position, report],
  );
  return { page, loading, error, position, go };
}
