import { useStdout } from 'ink';
import { useCallback, useMemo, useState } from 'react';
import { useAppDeps } from '../../hooks/context/app-context.js';
import {
  ShellContext,
  type ShellApi,
} from '../../hooks/context/shell-context.js';
import { useCommandRunner } from '../../hooks/shell/useCommandRunner.js';
import { useConfigNotice } from '../../hooks/shell/useConfigNotice.js';
import { useEbsCopyResumeNotice } from '../../hooks/wizards/ebs-copy/useEbsCopyResumeNotice.js';
import { useDialogs } from '../../hooks/shell/useDialogs.js';
import { useGlobalKeys } from '../../hooks/shell/useGlobalKeys.js';
import { useIdentity } from '../../hooks/shell/useIdentity.js';
import { useProfileNames } from '../../hooks/shell/useProfileNames.js';
import { useQuit } from '../../hooks/shell/useQuit.js';
import { useSessions } from '../../hooks/shell/useSessions.js';
import { useShell } from '../../hooks/shell/useShell.js';
import { useWhoAmI } from '../../hooks/shell/useWhoAmI.js';
import { EVERY_KEY, type KeysNow } from '../../source/keymap/keys-now.js';
import { osc52 } from '../../source/lib/clipboard.js';
import { createStore } from '../../source/lib/store.js';
import { profileLabel } from '../../source/session/session-settings.js';
import { ShellLayout } from './ShellLayout.js';

export interface ShellProps {
  readonly initialPane: string;
  readonly initialFilter?: string | undefined;
  /** Where the event log is written, for :whoami. */
  readonly eventFile?: string | undefined;
}

/** Owns navigation, the session, dialogs and the global keys. */
export function Shell({ initialPane, initialFilter, eventFile }: ShellProps) {
  const deps = useAppDeps();
  const { stdout } = useStdout();
  const shell = useShell(initialPane, initialFilter);
  const sessions = useSessions();
  const { session } = sessions;
  const [refreshToken, setRefreshToken] = useState(0);
  const identity = useIdentity(session, refreshToken);
  const dialogs = useDialogs();
  const quit = useQuit(dialogs.confirm);
  const [history, setHistory] = useState<string[]>([]);
  const [remembered] = useState(() => new Map<string, string>());
  const [keysNow] = useState(() => createStore<KeysNow>(EVERY_KEY));
  const label = profileLabel(session.settings, deps.env);
  const { report, sessionSwitched, pushDetail } = shell;
  const profileNames = useProfileNames(refreshToken, report);
  useConfigNotice(report);
  useEbsCopyResumeNotice(session, report);

  const switched = useCallback(
    (what: string) => {
      sessionSwitched();
      report('info', 'session', what);
    },
    [sessionSwitched, report],
  );

  const api: ShellApi = useMemo(
    () => ({
      ...shell,
      session,
      identity,
      refreshToken,
      switchProfile: (profile) => {
        const next = sessions.switchProfile(profile);
        const mode = next.settings.readOnly ? ' (read-only)' : '';
        switched(`profile ${profile}, region ${next.settings.region}${mode}`);
      },
      switchRegion: (region) => {
        sessions.switchRegion(region);
        switched(`region ${region}`);
      },
      confirm: dialogs.confirm,
      ask: dialogs.ask,
      pick: dialogs.pick,
      copy: (text, what) => {
        stdout.write(osc52(text, deps.env));
        report('info', 'ui', `copied ${what} to the clipboard (OSC 52)`);
      },
      remembered,
      keysNow,
    }),
    [
      shell,
      session,
      identity,
      refreshToken,
      sessions,
      switched,
      dialogs.confirm,
      dialogs.ask,
      dialogs.pick,
      stdout,
      deps.env,
      report,
      remembered,
      keysNow,
    ],
  );

  const showWhoAmI = useWhoAmI({
    pushDetail,
    session,
    identity,
    profileLabel: label,
    eventFile,
  });
  const runCommand = useCommandRunner(
    useMemo(
      () => ({
        openPane: api.openPane,
        switchProfile: api.switchProfile,
        switchRegion: api.switchRegion,
        showHelp: api.showHelp,
        showWhoAmI,
        requestQuit: quit.requestQuit,
        warn: (text: string) => report('warn', 'ui', text),
        profileNames,
      }),
      [api, showWhoAmI, quit.requestQuit, report, profileNames],
    ),
  );

  useGlobalKeys({
    shell,
    dialogs,
    quit,
    refresh: () => setRefreshToken((token) => token + 1),
  });

  return (
    <ShellContext.Provider value={api}>
      <ShellLayout
        profileLabel={label}
        dialog={dialogs.dialog}
        history={history}
        profileNames={profileNames ?? []}
        onCommand={(text) => {
          shell.closePrompt();
          if (text.trim() !== '')
            setHistory(
              [...history.filter((entry) => entry !== text), text].slice(-50),
            );
          runCommand(text);
        }}
      />
    </ShellContext.Provider>
  );
}
