import { useCallback, useMemo } from 'react';
import { describeError } from '../../../source/lib/errors.js';
import { startCopyRequest } from '../../../source/wizards/ebs-copy/views/dialogs.js';
import { useJob } from '../../actions/useJob.js';
import type { WizardState } from '../../../source/wizards/ebs-copy/views/wizard-state.js';
import { useAppDeps } from '../../context/app-context.js';
import { useShellApi } from '../../context/shell-context.js';
import { useEbsCopyCleanup } from './useEbsCopyCleanup.js';
import { useEbsCopyGuards } from './useEbsCopyGuards.js';
import type {
  Journal,
  RunSummary,
} from '../../../source/wizards/ebs-copy/run-types.js';

type Review = Extract<WizardState, { step: 'review' }>;

export interface EbsCopyRunControl {
  /** Asks (y/N), writes the journal and starts the run as a job. */
  readonly confirmAndStart: (state: Review) => Promise<void>;
  readonly resume: (runId: string) => Promise<void>;
  /** Cancels the running copy; false when none runs. */
  readonly cancel: () => boolean;
  /** Removes a finished run's leftovers, one typed confirmation each. */
  readonly cleanup: (runId: string) => Promise<RunSummary | undefined>;
}

const SOURCE = 'ebs-copy';

/**
 * Runs of the region-copy wizard as jobs: the job strip shows them, Ctrl+C
 * cancels them, and the wizard's store follows their events even while the
 * wizard's screen is closed.
 */
export function useEbsCopyRun(): EbsCopyRunControl {
  const deps = useAppDeps();
  const { session, report, confirm } = useShellApi();
  const service = session.services.ebsCopy;
  const store = service.wizard;

  const { refusedReadOnly, busy } = useEbsCopyGuards();
  const runJob = useJob();

  const launch = useCallback(
    (journal: Journal) => {
      const { runId } = journal;
      const total = journal.plan.length;
      let done = Object.values(journal.steps).filter(
        (step) => step.status === 'done',
      ).length;
      store.dispatch({ type: 'started', journal });
      void runJob({
        // The run ID alone: the job strip gives a title 20 columns at 80.
        title: runId,
        source: SOURCE,
        started: (jobId) => store.setJob(jobId),
        work: async ({ signal, report: progress }) => {
          progress({ itemsDone: done, itemsTotal: total });
          const engine = await service.engine();
          return engine.run(runId, {
            signal,
            onEvent: (event) => {
              store.dispatch({ type: 'progress', event });
              if (event.type === 'step-done')
                progress({ itemsDone: (done += 1) });
            },
          });
        },
        done: (summary) => {
          store.setJob(undefined);
          store.dispatch({ type: 'finished', summary });
          return `region copy ${runId}: ${summary.state}`;
        },
        failed: (error, cancelled) => {
          store.setJob(undefined);
          const message = cancelled
            ? 'cancelled; the run stopped cleanly and can be resumed (r, or :migrations)'
            : describeError(error);
          store.dispatch({ type: 'failed', message, runId });
          return cancelled
            ? {
                level: 'warn',
                text: `region copy ${runId} cancelled; r or :migrations resumes it`,
              }
            : { level: 'error', text: `region copy ${runId}: ${message}` };
        },
      });
    },
    [runJob, service, store],
  );

  const confirmAndStart = useCallback(
    async (state: Review) => {
      if (refusedReadOnly('the region copy') || busy()) return;
      const answer = await confirm(startCopyRequest(state));
      // The choices may have changed while the dialog was open.
      if (!answer.confirmed || store.getSnapshot().state !== state) return;
      try {
        const engine = await service.engine();
        launch(await engine.create(state.request, state.preflight));
      } catch (error) {
        report('error', SOURCE, `cannot start: ${describeError(error)}`);
      }
    },
    [refusedReadOnly, busy, confirm, store, service, launch, report],
  );

  const resume = useCallback(
    async (runId: string) => {
      if (refusedReadOnly(`resuming ${runId}`) || busy()) return;
      try {
        const engine = await service.engine();
        const journal = await engine.load(runId);
        // Refused before the screen shows a run: another account's run must not start.
        await engine.checkAccount(runId);
        launch(journal);
      } catch (error) {
        // By name: the class's module brings the STS client, loaded with the engine.
        if (error instanceof Error && error.name === 'AccountMismatchError')
          store.dispatch({
            type: 'failed',
            message: describeError(error),
            runId,
          });
        report(
          'error',
          SOURCE,
          `cannot resume ${runId}: ${describeError(error)}`,
        );
      }
    },
    [refusedReadOnly, busy, service, launch, store, report],
  );

  const cleanup = useEbsCopyCleanup();

  return useMemo(
    () => ({
      confirmAndStart,
      resume,
      cleanup,
      cancel: () => {
        const { jobId } = store.getSnapshot();
        return jobId !== undefined && deps.jobs.cancel(jobId);
      },
    }),
    [confirmAndStart, resume, cleanup, store, deps.jobs],
  );
}
