import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import {
  initialShellState,
  shellReducer,
  type ShellState,
  type StatusLevel,
} from '../../source/shell/shell-state.js';
import { useAppDeps } from '../context/app-context.js';
import type { DetailSection } from '../../source/lib/view-types.js';

/** How long a status message stays, by level (errors stay longer). */
const STATUS_MS: Record<StatusLevel, number> = {
  info: 4000,
  warn: 8000,
  error: 12000,
};

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
  /** Shows a message in the status line; warnings and errors also go to the event log. */
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

  useEffect(() => () => clearTimeout(timer.current), []);

  const report = useCallback(
    (level: StatusLevel, source: string, text: string) => {
      if (level !== 'info') events.record(level, source, text);
      const id = ++statusId.current;
      dispatch({ type: 'status', level, text, id });
      clearTimeout(timer.current);
      timer.current = setTimeout(
        () => dispatch({ type: 'clear-status', id }),
        STATUS_MS[level],
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
