import { useApp } from 'ink';
import {
  AppDepsContext,
  type AppDeps,
} from '../../hooks/context/app-context.js';
import { CharsetContext } from '../../hooks/context/charset-context.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { InputRouterProvider } from './InputRouterProvider.js';
import { Shell } from './Shell.js';
import { ThemeContext, type Theme } from '../theme.js';

export interface AppProps {
  readonly deps: AppDeps;
  readonly theme: Theme;
  readonly initialPane: string;
  readonly initialFilter?: string | undefined;
  readonly eventFile?: string | undefined;
}

/** The console: providers around the shell. */
export function App({
  deps,
  theme,
  initialPane,
  initialFilter,
  eventFile,
}: AppProps) {
  const { exit } = useApp();
  return (
    <AppDepsContext.Provider value={deps}>
      <ThemeContext.Provider value={theme}>
        <CharsetContext.Provider value={theme}>
          <ErrorBoundary
            onFatal={(error) => {
              deps.events.record('error', 'ui', `fatal: ${error.message}`);
              exit(error);
            }}
          >
            <InputRouterProvider>
              <Shell
                initialPane={initialPane}
                initialFilter={initialFilter}
                eventFile={eventFile}
              />
            </InputRouterProvider>
          </ErrorBoundary>
        </CharsetContext.Provider>
      </ThemeContext.Provider>
    </AppDepsContext.Provider>
  );
}
