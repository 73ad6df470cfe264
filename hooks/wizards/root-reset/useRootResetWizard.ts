import type { Command } from '../../../source/keymap/index.js';
import { useCallback } from 'react';
import type { WizardSnapshot } from '../../../source/wizards/root-reset/console-service.js';
import { earlierPending } from '../../../source/wizards/root-reset/views/screen-view.js';
import { useShellApi } from '../../context/shell-context.js';
import { useRootResetConnect } from './useRootResetConnect.js';
import { useRootResetRun } from './useRootResetRun.js';
import { useStore } from '../../context/useStore.js';

export interface RootResetWizard {
  readonly snapshot: WizardSnapshot;
  readonly onCommand: (command: Command) => void;
}

const SOURCE = 'reset-root';

/** The wizard screen's state (kept in a run-wide service) and what its keys do. */
export function useRootResetWizard(): RootResetWizard {
  const { session, report } = useShellApi();
  const service = session.services.rootReset;
  const store = service.wizard;
  const snapshot = useStore(store);
  const choices = useRootResetConnect();
  const run = useRootResetRun();

  const onCommand = useCallback(
    (command: Command) => {
      const { state, jobId } = store.getSnapshot();
      const act = (work: Promise<unknown>) => void work;
      const running = jobId !== undefined;
      if (command === 'shell.back') {
        // Esc leaves the screen; while a reset runs it also asks whether to stop it.
        if (running) act(run.askStop());
        return;
      }
      if (running && command !== 'rootReset.next')
        return report(
          'info',
          SOURCE,
          'a reset is running: Esc asks whether to stop it',
        );
      const retry = () => {
        const link = service.link();
        const name = 'name' in state ? state.name : undefined;
        const profile =
          link && link.name === name
            ? link.profile
            : name === undefined
              ? undefined
              : choices.profiles()[name];
        return 'name' in state && profile
          ? act(choices.connect(state.name, profile))
          : act(choices.pickConnection());
      };
      const next = () => {
        switch (state.step) {
          case 'pick':
            return act(choices.pickConnection());
          case 'unreachable':
            return retry();
          case 'found':
            if (state.earlier?.reading) return;
            if (earlierPending(state)) return act(choices.readEarlier());
            return act(run.editOptions());
          case 'plan':
            return act(run.confirmAndStart());
          case 'connecting':
            return report('info', SOURCE, 'still connecting');
          case 'running':
            return report(
              'info',
              SOURCE,
              'the reset is running; Esc asks whether to stop it',
            );
          case 'ended':
            return report('info', SOURCE, 'n starts over; Esc leaves');
        }
      };
      const found = state.step === 'found' || state.step === 'plan';
      switch (command) {
        case 'rootReset.next':
          return next();
        case 'rootReset.connection':
          return act(choices.pickConnection());
        case 'rootReset.options':
          return found
            ? act(run.editOptions())
            : report(
                'info',
                SOURCE,
                'the options come after the server is found',
              );
        case 'rootReset.password':
          return found && state.plan
            ? act(run.typePassword())
            : report('info', SOURCE, 'the password comes after the options');
        case 'rootReset.leftover':
          return act(choices.readEarlier());
        case 'rootReset.new':
          service.setLink(undefined);
          return store.dispatch({ type: 'pick' });

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    },
    [store, service, choices, run, report],
  );

  return { snapshot, onCommand };
}
