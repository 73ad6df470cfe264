import { useCallback } from 'react';
import { describeError } from '../../../source/lib/errors.js';
import { useShellApi } from '../../context/shell-context.js';
import { deleteLeftoverRequest } from '../../../source/wizards/ebs-copy/views/dialogs.js';
import { useEbsCopyGuards } from './useEbsCopyGuards.js';
import type { RunSummary } from '../../../source/wizards/ebs-copy/run-types.js';

const SOURCE = 'ebs-copy';

/**
 * Removes a finished run's leftovers, each after its ID is typed; the
 * wizard's finish screen follows when it shows that run.
 */
export function useEbsCopyCleanup(): (
  runId: string,
) => Promise<RunSummary | undefined> {
  const { session, report, confirm } = useShellApi();
  const service = session.services.ebsCopy;
  const store = service.wizard;
  const { refusedReadOnly, busy } = useEbsCopyGuards();

  return useCallback(
    async (runId: string) => {
      if (refusedReadOnly('cleanup') || busy()) return undefined;
      try {
        const engine = await service.engine();
        let summary = await engine.summary(runId);
        if (summary.leftovers.length === 0)
          report('info', SOURCE, `${runId} left nothing behind to remove`);
        for (const resource of summary.leftovers) {
          const answer = await confirm(deleteLeftoverRequest(resource, runId));
          if (!answer.confirmed) {
            report('info', SOURCE, `kept ${resource.type} ${resource.id}`);
            continue;
          }
          summary = await engine.cleanup(runId, resource.id);
          report('info', SOURCE, `removed ${resource.type} ${resource.id}`);
        }
        const { state } = store.getSnapshot();
        if (state.step === 'finished' && state.summary.runId === runId)
          store.dispatch({ type: 'finished', summary });
        return summary;
      } catch (error) {
        report('error', SOURCE, `cleanup of ${runId}: ${describeError(error)}`);
        return undefined;
      }
    },
    [refusedReadOnly, busy, service, confirm, store, report],
  );
}
