import { useApp, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppDeps } from '../hooks/app-context.js';
import { ShellContext, type ShellApi } from '../hooks/shell-context.js';
import { useCommandRunner } from '../hooks/useCommandRunner.js';
import { useDialogs } from '../hooks/useDialogs.js';
import { useIdentity } from '../hooks/useIdentity.js';
import { useInterrupt } from '../hooks/useInterrupt.js';
import { useKeys } from '../hooks/useKeys.js';
import { useSessions } from '../hooks/useSessions.js';
import { useShell } from '../hooks/useShell.js';
import { osc52 } from '../source/clipboard.js';
import { describeError } from '../source/errors.js';
import { currentView } from '../source/shell-state.js';
import { profileLabel } from '../source/session-settings.js';
import { whoAmISections } from '../source/whoami.js';
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
  const { exit } = useApp();
  const { stdout } = useStdout();
  const shell = useShell(initialPane, initialFilter);
  const sessions = useSessions();
  const { session } = sessions;
  const [refreshToken, setRefreshToken] = useState(0);
  const identity = useIdentity(session, refreshToken);
  const dialogs = useDialogs();
  const [history, setHistory] = useState<string[]>([]);
  const [profileNames, setProfileNames] = useState<string[] | undefined>(
    undefined,
  );
  const label = profileLabel(session.settings, deps.env);
  const { report } = shell;

  useEffect(() => {
    deps.profiles.listProfiles().then(
      (rows) => setProfileNames(rows.map((row) => row.name)),
      (error: unknown) =>
        report(
          'warn',
          'profiles',
          `cannot read AWS profiles: ${describeError(error)}`,
        ),
    );
  }, [deps.profiles, refreshToken, report]);

  // A broken config file is announced once; the session is read-only until it is fixed.
  useEffect(() => {
    const [first, ...rest] = deps.config.problems;
    if (first === undefined) return;
    for (const problem of rest) deps.events.record('error', 'config', problem);
    report(
      'error',
      'config',
      `${first}${rest.length > 0 ? ` (+${rest.length} more in the log)` : ''}; writes are blocked until it is fixed`,
    );
  }, [deps.config.problems, deps.events, report]);

  const quit = useCallback(() => {
    deps.jobs.cancelAll();
    deps.inFlight.cancelAll();
    exit();
  }, [deps, exit]);

  const requestQuit = useCallback(() => {
    const running = deps.jobs.running();
    if (running === 0) return quit();
    void dialogs
      .confirm({
        level: 'yes-no',
        title: `${running} job${running === 1 ? ' is' : 's are'} still running`,
        targets: deps.jobs
          .getSnapshot()
          .filter((job) => job.state === 'running')
          .map((job) => job.title),
        warnings: ['Quitting cancels them; they clean up what they started.'],
        action: 'Quit',
      })
      .then((yes) => yes && quit());
  }, [deps, dialogs, quit]);

  const afterSwitch = useCallback(
    (what: string) => {
      shell.sessionSwitched();
      // Picked from the profiles or regions pane: go back to where the user was.
      const view = currentView(shell.state);
      if (
        view.kind === 'pane' &&
        (view.pane === 'profiles' || view.pane === 'regions') &&
        shell.state.views.length > 1
      )
        shell.back();
      shell.report('info', 'session', what);
    },
    [shell],
  );

  const api: ShellApi = useMemo(
    () => ({
      ...shell,
      session,
      identity,
      refreshToken,
      switchProfile: (profile) => {
        const next = sessions.switchProfile(profile);
        afterSwitch(
          `profile ${profile}, region ${next.settings.region}${next.settings.readOnly ? ' (read-only)' : ''}`,
        );
      },
      switchRegion: (region) => {
        sessions.switchRegion(region);
        afterSwitch(`region ${region}`);
      },
      confirm: dialogs.confirm,
      copy: (text, what) => {
        stdout.write(osc52(text, deps.env));
        shell.report('info', 'ui', `copied ${what} to the clipboard (OSC 52)`);
      },
    }),
    [
      shell,
      session,
      identity,
      refreshToken,
      sessions,
      afterSwitch,
      dialogs.confirm,
      stdout,
      deps.env,
    ],
  );

  const showWhoAmI = () =>
    shell.pushDetail(
      'whoami',
      whoAmISections({
        settings: session.settings,
        profileLabel: label,
        identity:
          identity.status === 'ok'
            ? { ok: true, value: identity.identity }
            : identity.status === 'problem'
              ? {
                  ok: false,
                  message: identity.message,
                  hint: identity.hint,
                  kind: identity.kind,
                }
              : undefined,
        configPath: deps.config.path,
        configProblems: deps.config.problems,
        eventFile,
        labSummary: deps.labSummary,
      }),
    );

  const runCommand = useCommandRunner(
    useMemo(
      () => ({
        openPane: api.openPane,
        switchProfile: api.switchProfile,
        switchRegion: api.switchRegion,
        showHelp: api.showHelp,
        showWhoAmI,
        requestQuit,
        warn: (text: string) => api.report('warn', 'ui', text),
        profileNames,
      }),
      // showWhoAmI reads the latest identity at call time through api.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [api, requestQuit, profileNames],
    ),
  );

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
    quit,
    notify: (text) => shell.report('info', 'ui', text),
  });
  useKeys(
    ['global'],
    (command) => command === 'shell.cancel' && interrupt(),
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
          return setRefreshToken((token) => token + 1);
        case 'shell.quit':
          return requestQuit();
      }
    },
    keyboardFree,
  );

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
