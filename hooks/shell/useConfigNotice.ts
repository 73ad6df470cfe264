import { useEffect } from 'react';
import type { StatusLevel } from '../../source/shell/shell-state.js';
import { useAppDeps } from '../context/app-context.js';

/** A broken config file is announced once at start; the session stays read-only until it is fixed. */
export function useConfigNotice(
  report: (level: StatusLevel, source: string, text: string) => void,
): void {
  const { config, events } = useAppDeps();
  useEffect(() => {
    const [first, ...rest] = config.problems;
    if (first === undefined) return;
    for (const problem of rest) events.record('error', 'config', problem);
    const more = rest.length > 0 ? ` (+${rest.length} more in the log)` : '';
    report(
      'error',
      'config',
      `${first}${more}; writes are blocked until it is fixed`,
    );
  }, [config.problems, events, report]);
}
