import type { Command } from '../../../source/keymap/index.js';
import { useCallback } from 'react';
import type { WizardSnapshot } from '../../../source/wizards/ebs-copy/console-service.js';
import { initialState } from '../../../source/wizards/ebs-copy/views/wizard-state.js';
import { useShellApi } from '../../context/shell-context.js';
import { useEbsCopyChoices } from './useEbsCopyChoices.js';
import { useEbsCopyRun } from './useEbsCopyRun.js';
import { useBucketCatchUp } from './useBucketCatchUp.js';
import { useStore } from '../../context/useStore.js';

export interface EbsCopyWizard {
  readonly snapshot: WizardSnapshot;
  readonly onCommand: (command: Command) => void;
}

const SOURCE = 'ebs-copy';

/** The wizard screen's state (kept in the session's store) and what its keys do. */
export function useEbsCopyWizard(): EbsCopyWizard {
  const shell = useShellApi();
  const { report } = shell;
  const { readOnly } = shell.session.guard;
  const store = shell.session.services.ebsCopy.wizard;
  const snapshot = useStore(store);
  const choices = useEbsCopyChoices();
  const run = useEbsCopyRun();
  const catchUp = useBucketCatchUp();

  const onCommand = useCallback(
    (command: Command) => {
      const { state, jobId } = store.getSnapshot();
      const running = jobId !== undefined || state.step === 'running';
      const hasDraft = 'draft' in state && state.draft?.source !== undefined;
      if (command === 'shell.back') {
        // Esc leaves the screen; while a copy runs it also cancels it, cleanly.
        if (running && run.cancel())
          report(
            'warn',
            SOURCE,
            'cancelling the region copy; it can be resumed (:migrations, r)',
          );
        return;
      }
      if (
        running &&
        [
          'ebsCopy.source',
          'ebsCopy.target',
          'ebsCopy.options',
          'ebsCopy.new',
          'ebsCopy.catchUp',
        ].includes(command)
      )
        return report(
          'info',
          SOURCE,
          'a copy is running: Esc or Ctrl+C cancels it first',
        );
      const act = (work: Promise<unknown>) => void work;
      const next = () => {
        switch (state.step) {
          case 'source':
            return act(choices.pickSource());
          case 'target':
            return act(choices.pickTarget());
          case 'options':
            return act(choices.check());
          case 'review':
            return act(
              // Read-only: confirmAndStart says why nothing can start.
              state.preflight.ok || readOnly
                ? run.confirmAndStart(state)
                : choices.check(),
            );
          case 'failed':
            if (state.runId !== undefined)
              return report(
                'info',
                SOURCE,
                `r resumes ${state.runId}; n starts a new copy`,
              );
            return act(choices.check());
          case 'preflight':
            return report('info', SOURCE, 'the pre-flight is still checking');
          case 'running':
            return report(
              'info',
              SOURCE,
              'the copy is running; Esc or Ctrl+C cancels it',
            );
          case 'finished':
            return report(
              'info',
              SOURCE,
              'done: x removes the leftovers, n starts a new copy',
            );
        }
      };
      switch (command) {
        case 'ebsCopy.next':
          return next();
        case 'ebsCopy.source':
          return act(choices.pickSource());
        case 'ebsCopy.target':
          return hasDraft
            ? act(choices.pickTarget())
            : act(choices.pickSource());
        case 'ebsCopy.options':
          if (!hasDraft)
            return report(
              'info',
              SOURCE,
              'choose a source first (Enter, or n for a new copy)',
            );
          return act(choices.editOptions());
        case 'ebsCopy.resume':
          if (state.step === 'failed' && state.runId !== undefined)
            return act(run.resume(state.runId));
          return report(
            'info',
            SOURCE,
            'nothing to resume here; :migrations lists the runs',
          );
        case 'ebsCopy.cleanup':
          if (state.step === 'finished')
            return act(run.cleanup(state.summary.runId));
          return report('info', SOURCE, 'cleanup is for a finished run');
        case 'ebsCopy.catchUp':
          if (state.step === 'finished') return act(catchUp(state.summary));
          return report(
            'info',
            SOURCE,
            'a catch-up sync follows a finished bucket copy',
          );
        case 'ebsCopy.new':
          return store.reset(initialState());

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    },
    [store, choices, run, report, readOnly, catchUp],
  );

  return { snapshot, onCommand };
}
