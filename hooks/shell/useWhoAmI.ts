import { useCallback } from 'react';
import { whoAmISections } from '../../source/session/whoami.js';
import { useAppDeps } from '../context/app-context.js';
import type { IdentityState } from './useIdentity.js';
import type { ShellControl } from './useShell.js';
import type { Session } from '../../source/session/session.js';

/** Opens the :whoami view for the session as it is now. */
export function useWhoAmI(options: {
  pushDetail: ShellControl['pushDetail'];
  session: Session;
  identity: IdentityState;
  profileLabel: string;
  eventFile: string | undefined;
}): () => void {
  const deps = useAppDeps();
  const { pushDetail, session, identity, profileLabel, eventFile } = options;
  return useCallback(() => {
    const answer =
      identity.status === 'ok'
        ? { ok: true as const, value: identity.identity }
        : identity.status === 'problem'
          ? {
              ok: false as const,
              message: identity.message,
              hint: identity.hint,
              kind: identity.kind,
            }
          : undefined;
    pushDetail(
      'whoami',
      whoAmISections({
        settings: session.settings,
        profileLabel,
        identity: answer,
        configPath: deps.config.path,
        configProblems: deps.config.problems,
        eventFile,
        labSummary: deps.labSummary,
      }),
    );
  }, [pushDetail, session, identity, profileLabel, eventFile, deps]);
}
