import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useListLoader, type LoadedList } from '../table/useListLoader.js';

/** MySQL lists come whole in one answer and are not polled: Ctrl+R reloads them. */
const NO_POLLING = { fast: 0, slow: 0 } as const;

/**
 * One list of a MySQL view, through the shared list loader: loaded again when
 * `key` changes and on Ctrl+R, one fetch at a time, Ctrl+C cancels it, the
 * last good rows stay on an error, which is reported.
 */
export function useMysqlList<Row>(
  load: (signal: AbortSignal) => Promise<readonly Row[]>,
  key: string,
): LoadedList<Row> {
  const { inFlight } = useAppDeps();
  const { report, refreshToken } = useShellApi();
  return useListLoader<Row>(
    {
      load: async (_cursor, signal) => ({ rows: await load(signal) }),
      refresh: NO_POLLING,
      inFlight,
      onError: (message) => report('error', 'mysql', message),
    },
    refreshToken,
    key,
  );
}
