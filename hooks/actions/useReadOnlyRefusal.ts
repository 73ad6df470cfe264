import type { Command } from '../../source/keymap/index.js';
import { useCallback, useMemo } from 'react';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

/** The part of a write guard that decides a refusal: the session's, or a MySQL connection's. */
export interface ReadOnlyState {
  readonly readOnly: boolean;
  readonly reason: string;
}

export interface ReadOnlyRefusal {
  /**
   * A key's command: true, and said in the status line, when the keymap marks
   * it a write and writes are refused. Checked before any dialog opens.
   */
  readonly command: (
    command: Command,
    source: string,
    guard?: ReadOnlyState,
  ) => boolean;
  /** Other work: true, and said ("read-only: <outcome> (<reason>)"), when refused. */
  readonly work: (
    outcome: string,
    source: string,
    guard?: ReadOnlyState,
  ) => boolean;
}

/**
 * Read-only mode refuses a write in the UI before anything is asked; the
 * service layer refuses it again, so this is for the operator, not for safety.
 */
export function useReadOnlyRefusal(): ReadOnlyRefusal {
  const { keymap } = useAppDeps();
  const { report, session } = useShellApi();
  const sessionGuard = session.guard;
  const work = useCallback(
    (outcome: string, source: string, guard: ReadOnlyState = sessionGuard) => {
      if (!guard.readOnly) return false;
      report('warn', source, `read-only: ${outcome} (${guard.reason})`);
      return true;
    },
    [report, sessionGuard],
  );
  const command = useCallback(
    (name: Command, source: string, guard: ReadOnlyState = sessionGuard) => {
      if (keymap.binding(name)?.write !== true) return false;
      // The command's own short name: "stop", "drop", "tags".
      const what = name.slice(name.lastIndexOf('.') + 1);
      return work(`${what} is a write and was not sent`, source, guard);
    },
    [keymap, sessionGuard, work],
  );
  return useMemo(() => ({ command, work }), [command, work]);
}
