import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { describeError } from '../../source/lib/errors.js';
import { useShellApi } from '../context/shell-context.js';

export interface MysqlList<Row> {
  readonly rows: readonly Row[];
  readonly loading: boolean;
  /** The last load failed; the rows are the last good ones. */
  readonly error: string | undefined;
  readonly updatedAt: number | undefined;
  readonly reload: () => void;
}

/**
 * One list of a MySQL view: loaded when `key` changes and on Ctrl+R, one
 * fetch at a time (a newer one aborts the older), last good rows kept on error.
 */
export function useMysqlList<Row>(
  load: ((signal: AbortSignal) => Promise<Row[]>) | undefined,
  key: string,
): MysqlList<Row> {
  const shell = useShellApi();
  const { report } = shell;
  const [rows, setRows] = useState<readonly Row[]>([]);
  const [loading, setLoading] = useState(load !== undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [updatedAt, setUpdatedAt] = useState<number | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(load);
  useLayoutEffect(() => {
    latest.current = load;
  });

  useEffect(() => {
    const current = latest.current;
    if (!current) return;
    const controller = new AbortController();
    setLoading(true);
    current(controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setRows(next);
        setError(undefined);
        setUpdatedAt(Date.now());
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
    return () => controller.abort();
  }, [key, generation, shell.refreshToken, report]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { rows, loading, error, updatedAt, reload };
}
