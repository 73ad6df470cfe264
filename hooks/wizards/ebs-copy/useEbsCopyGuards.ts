import { useCallback, useMemo } from 'react';
import { useReadOnlyRefusal } from '../../actions/useReadOnlyRefusal.js';
import { useShellApi } from '../../context/shell-context.js';

export interface EbsCopyGuards {
  /** True, after saying so, in read-only mode: `what` was not started. */
  readonly refusedReadOnly: (what: string) => boolean;
  /** True, after saying so, while a region copy runs: one at a time. */
  readonly busy: () => boolean;
}

const SOURCE = 'ebs-copy';

/** The checks before the wizard starts any write: read-only mode, and a copy already running. */
export function useEbsCopyGuards(): EbsCopyGuards {
  const { session, report } = useShellApi();
  const store = session.services.ebsCopy.wizard;
  const refuse = useReadOnlyRefusal();

  const refusedReadOnly = useCallback(
    (what: string) => refuse.work(`${what} was not started`, SOURCE),
    [refuse],
  );

  const busy = useCallback(() => {
    const { jobId, state } = store.getSnapshot();
    if (jobId === undefined) return false;
    const runId = state.step === 'running' ? ` ${state.runId}` : '';
    report(
      'warn',
      SOURCE,
      `the region copy${runId} is still running: wait for it, or cancel it (Ctrl+C)`,
    );
    return true;
  }, [store, report]);

  return useMemo(() => ({ refusedReadOnly, busy }), [refusedReadOnly, busy]);
}
