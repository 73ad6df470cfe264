import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../../source/session/session.js';
import { switchProfile } from '../../source/session/session-settings.js';
import { useAppDeps } from '../context/app-context.js';

export interface SessionControl {
  readonly session: Session;
  readonly switchProfile: (profile: string) => Session;
  readonly switchRegion: (region: string) => Session;
}

/**
 * The current session. A switch opens a new session and closes the old one
 * in one state change, so the header label and the data always agree.
 */
export function useSessions(): SessionControl {
  const deps = useAppDeps();
  const [session, setSession] = useState<Session>(() =>
    deps.openSession(deps.initialSettings),
  );

  // Closing the previous session's clients when it is replaced or on unmount.
  useEffect(() => () => session.close(), [session]);

  const open = useCallback(
    (settings: Session['settings']) => {
      const next = deps.openSession(settings);
      // The shell reports the switch, and its report goes to the log.
      setSession(next);
      return next;
    },
    [deps],
  );

  return {
    session,
    switchProfile: (profile) =>
      open(switchProfile(session.settings, profile, deps.settingsInputs)),
    switchRegion: (region) => open({ ...session.settings, region }),
  };
}
