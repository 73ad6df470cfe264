/** Widgets tested alone still need the app's context: deps, a shell API that records, a theme. */
import type { ReactNode } from 'react';
import { InputRouterProvider } from '../../components/shell/InputRouterProvider.js';
import {
  ThemeContext,
  createTheme,
  type Theme,
} from '../../components/theme.js';
import { AppDepsContext } from '../../hooks/context/app-context.js';
import { CharsetContext } from '../../hooks/context/charset-context.js';
import {
  ShellContext,
  type ShellApi,
} from '../../hooks/context/shell-context.js';
import { EVERY_KEY, type KeysNow } from '../../source/keymap/keys-now.js';
import { createStore } from '../../source/lib/store.js';
import { initialShellState } from '../../source/shell/shell-state.js';
import { fakeDeps } from './fakes/fake-deps.js';

export interface Recorded {
  readonly reports: string[];
  readonly details: string[];
  readonly copies: string[];
}

export function withProviders(
  children: ReactNode,
  options: { theme?: Theme; refreshToken?: number } = {},
): {
  tree: ReactNode;
  treeFor: (refreshToken: number) => ReactNode;
  recorded: Recorded;
  deps: ReturnType<typeof fakeDeps>;
} {
  const deps = fakeDeps();
  const recorded: Recorded = { reports: [], details: [], copies: [] };
  const session = deps.openSession(deps.initialSettings);
  const remembered = new Map<string, string>();
  const keysNow = createStore<KeysNow>(EVERY_KEY);
  const apiFor = (refreshToken: number): ShellApi => ({
    state: initialShellState('regions'),
    session,
    identity: { status: 'loading' },
    refreshToken,
    openPane: () => undefined,
    openAt: () => undefined,
    back: () => undefined,
    holdBack: () => () => undefined,
    pop: () => undefined,
    pushDetail: (title) => recorded.details.push(title),
    showHelp: () => undefined,
    openPrompt: () => undefined,
    closePrompt: () => undefined,
    setFilter: () => undefined,
    report: (level, _source, text) =>
      recorded.reports.push(`${level}: ${text}`),
    sessionSwitched: () => undefined,
    switchProfile: () => undefined,
    switchRegion: () => undefined,
    confirm: () => Promise.resolve({ confirmed: false, options: {} }),
    ask: () => Promise.resolve(undefined),
    pick: () => Promise.resolve(undefined),
    copy: (text) => recorded.copies.push(text),
    remembered,
    keysNow,
  });
  const theme = options.theme ?? createTheme({ color: true, ascii: false });
  // The same context with another refresh token: what Ctrl+R gives a pane.
  const treeFor = (refreshToken: number) => (
    <AppDepsContext.Provider value={deps}>
      <ThemeContext.Provider value={theme}>
        <CharsetContext.Provider value={theme}>
          <InputRouterProvider>
            <ShellContext.Provider value={apiFor(refreshToken)}>
              {children}
            </ShellContext.Provider>
          </InputRouterProvider>
        </CharsetContext.Provider>
      </ThemeContext.Provider>
    </AppDepsContext.Provider>
  );
  return { tree: treeFor(options.refreshToken ?? 0), treeFor, recorded, deps };
}
