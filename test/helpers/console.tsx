/** Opens the whole console on fake services, the way most component tests start. */
import { App } from '../../components/shell/App.js';
import { preloadPanes } from '../../components/shell/pane-registry.js';
import { createTheme, type Theme } from '../../components/theme.js';
import { fakeDeps, type FakeOptions } from './fakes/fake-deps.js';
import { renderAt, type Rendered, type Size } from './render.js';

export interface ConsoleOptions extends FakeOptions {
  readonly size?: Size;
  readonly theme?: Theme;
  /** The pane to open first; regions by default. */
  readonly pane?: string;
}

export async function openConsole(
  options: ConsoleOptions = {},
): Promise<{ view: Rendered; deps: ReturnType<typeof fakeDeps> }> {
  // Every pane's code loaded first, as after a first visit: the tests read
  // panes, not the one "loading" frame (view-host.test.tsx covers that).
  await preloadPanes();
  const deps = fakeDeps(options);
  const theme = options.theme ?? createTheme({ color: true, ascii: false });
  const view = await renderAt(
    <App deps={deps} theme={theme} initialPane={options.pane ?? 'regions'} />,
    options.size,
  );
  return { view, deps };
}
