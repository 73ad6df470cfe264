import {
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
} from 'react';
import {
  initialShellState,
  shellReducer,
  type ShellState,
  type StatusLevel,
} from '../../source/shell/shell-state.js';
import { useAppDeps } from '../context/app-context.js';
import { InputRouterContext } from '../context/input-router.js';
import type { DetailSection } from '../../source/lib/view-types.js';

/**
 * How long a notice stays. Warnings and errors stay until the next key: one
 * that vanishes while the user is still reading it was not said.
 */
const NOTICE_MS = 8000;

export interface ShellControl {
  readonly state: ShellState;
  readonly openPane: (pane: string, filter?: string) => void;
  /** Opens a browsing pane at a place ("bucket/prefix/"), on top of the current view. */
  readonly openAt: (pane: string, at: string) => void;
  readonly back: () => void;
  /**
   * Lets a view undo something of its own on Esc before the shell goes back
   * (a table's marks): `undo` says whether it did. Returns the release.
   */
  readonly holdBack: (undo: () => boolean) => () => void;
  /** Closes the view on top (a picker after its choice), whatever its filter. */
  readonly pop: () => void;
  readonly pushDetail: (
    title: string,
    sections: readonly DetailSection[],
  ) => void;
  readonly showHelp: () => void;
  readonly openPrompt: (kind: 'command' | 'filter') => void;
  readonly closePrompt: (restoreFilter?: boolean) => void;
  readonly setFilter: (text: string) => void;
  /** Shows a message in the status line and records it in the event log. */
  readonly report: (level: StatusLevel, source: string, text: string) => void;
  readonly sessionSwitched: () => void;
}

export function useShell(
  initialPane: string,
  initialFilter?: string,
): ShellControl {
  const { events } = useAppDeps();
  const [state, dispatch] = useReducer(shellReducer, undefined, () =>
    initialShellState(initialPane, initialFilter),
  );
  const statusId = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const holds = useRef(new Set<() => boolean>());

  const router = useContext(InputRouterContext);

  useEffect(() => () => clearTimeout(timer.current), []);
  // Before the key's own handler runs: what it reports is shown, not cleared.
  useEffect(
    () => router?.beforeEachKey(() => dispatch({ type: 'key-pressed' })),
    [router],
  );

  const report = useCallback(
    (level: StatusLevel, source: string, text: string) => {
      // The log keeps the whole text of every message, for `!`.
      events.record(level, source, text);
      const id = ++statusId.current;
      dispatch({ type: 'status', level, text, id });
      clearTimeout(timer.current);
      if (level === 'info')
        timer.current = setTimeout(
          () => dispatch({ type: 'clear-status', id }),
          NOTICE_MS,
        );
    },
    [events],
  );

  return useMemo(
    () => ({
      state,
      openPane: (pane, filter) => dispatch({ type: 'open-pane', pane, filter }),
      openAt: (pane, at) => dispatch({ type: 'open-at', pane, at }),
      back: () => {
        // The newest hold first: the view that set it is the one on top.
        for (const undo of [...holds.current].reverse()) if (undo()) return;
        dispatch({ type: 'back' });
      },
      holdBack: (undo) => {
        holds.current.add(undo);
        return () => void holds.current.delete(undo);
      },
      pop: () => dispatch({ type: 'pop' }),
      pushDetail: (title, sections) =>
        dispatch({ type: 'push', view: { kind: 'detail', title, sections } }),
      showHelp: () => dispatch({ type: 'push', view: { kind: 'help' } }),
      openPrompt: (kind) => dispatch({ type: 'prompt', prompt: kind }),
      closePrompt: (restoreFilter) =>
        dispatch({ type: 'close-prompt', restoreFilter }),
      setFilter: (text) => dispatch({ type: 'set-filter', text }),
      report,
      sessionSwitched: () => dispatch({ type: 'session-switched' }),
    }),
    [state, report],
  );
}
