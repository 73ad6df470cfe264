import { currentView } from '../../source/shell/shell-state.js';
import { useAppDeps } from '../context/app-context.js';
import type { DialogControl } from './useDialogs.js';
import { useInterrupt } from './useInterrupt.js';
import { useKeys } from '../input/useKeys.js';
import type { QuitControl } from './useQuit.js';
import type { ShellControl } from './useShell.js';

/** The keys that work on every view: :, /, ?, !, Esc, Ctrl+R, q, and Ctrl+C and Ctrl+L everywhere. */
export function useGlobalKeys(options: {
  shell: ShellControl;
  dialogs: DialogControl;
  quit: QuitControl;
  refresh: () => void;
}): void {
  const deps = useAppDeps();
  const { shell, dialogs, quit, refresh } = options;

  const interrupt = useInterrupt({
    cancel: () => {
      let count = deps.jobs.cancelAll() + deps.inFlight.cancelAll();
      if (dialogs.dialog) {
        dialogs.dismiss();
        count++;
      }
      if (shell.state.prompt) shell.closePrompt(true);
      return count;
    },
    quit: quit.quit,
    notify: (text) => shell.report('info', 'ui', text),
  });
  // Ctrl+C and Ctrl+L work in prompts and dialogs too.
  useKeys(
    ['global'],
    (command) => {
      if (command === 'shell.cancel') interrupt();
      else if (command === 'shell.redraw') deps.repaint?.();
    },
    true,
  );

  const view = currentView(shell.state);
  const keyboardFree = !dialogs.dialog && !shell.state.prompt;
  useKeys(
    ['global'],
    (command) => {
      switch (command) {
        case 'shell.command':
          return shell.openPrompt('command');
        case 'shell.filter':
          return view.kind === 'pane'
            ? shell.openPrompt('filter')
            : shell.report('info', 'ui', 'nothing to filter here');
        case 'shell.help':
          return view.kind === 'help' ? shell.back() : shell.showHelp();
        case 'shell.log':
          return view.kind === 'pane' && view.pane === 'log'
            ? shell.back()
            : shell.openPane('log');
        case 'shell.back':
          return shell.back();
        case 'shell.refresh':
          return refresh();
        case 'shell.quit':
          return quit.requestQuit();

        // Commands of the other live scopes are not this handler's.
        default:
          break;
      }
    },
    keyboardFree,
  );
}
