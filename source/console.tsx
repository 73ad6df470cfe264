/**
 * Builds the console's dependencies and renders it. Imported only when the
 * TUI opens, so subcommands never load Ink or React.
 */
import { render } from 'ink';
import { App } from '../components/shell/App.js';
import { loadPane } from '../components/shell/pane-registry.js';
import { colorWanted, createTheme } from '../components/theme.js';
import { listProfiles } from './aws/profiles.js';
import { createEventLog } from './events/event-log.js';
import { createFileSink } from './events/event-file.js';
import { createInFlight } from './jobs/in-flight.js';
import { createJobRunner } from './jobs/job-runner.js';
import { keymap } from './keymap/index.js';
import {
  createSessionOpener,
  openMysqlConnections,
  openRootReset,
} from './session/session.js';
import type { Start } from './session/start.js';
import { inputMode } from './terminal/input-mode.js';
import { PacedInput } from './terminal/paced-input.js';
import { DiffWriter } from './terminal/diff-writer.js';
import { runSuspended } from './terminal/suspend.js';
import {
  builtWorkerPath,
  createInstancePageThread,
} from './aws/ec2/page-thread/page-thread.js';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';

export interface ConsoleView {
  readonly waitUntilExit: () => Promise<unknown>;
  readonly unmount: () => void;
  /** Cancels whatever is still running after the UI has gone. */
  readonly close: () => void;
}

/** Loads the first pane's code, so the first frame shows it and not "loading". */
export async function loadFirstPane(name: string): Promise<void> {
  await loadPane(name);
}

export function createConsole(
  start: Start,
  options: { ascii: boolean; labSummary?: readonly string[] | undefined },
): ConsoleView {
  const events = createEventLog(
    start.eventFile ? { sink: createFileSink(start.eventFile) } : {},
  );
  // Node prints its warnings (a listener count past 10, say) on stderr, over
  // the screen: while the console is up they go to the event log instead.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    events.record('warn', 'node', `${warning.name}: ${warning.message}`);
  });
  const jobs = createJobRunner();
  const inFlight = createInFlight();
  // MySQL tunnels outlive profile switches; closed on quit so the process exits.
  const mysql = openMysqlConnections(events);
  const rootReset = openRootReset();
  const instancePages = createInstancePageThread(builtWorkerPath());
  const theme = createTheme({
    color: colorWanted(process.env),
    ascii: options.ascii || start.config.config.ui.ascii,
  });
  // Raw mode before the first frame: keys typed ahead are not echoed or held
  // back by the terminal's line editing while Ink mounts.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  // Ink writes whole frames; the terminal gets only the cells that changed,
  // unless OPSDECK_FULL_REDRAW=1 asks for Ink's own frames (a way out if a
  // terminal disagrees with the diff).
  const screen = new DiffWriter(
    process.stdout,
    process.env['OPSDECK_FULL_REDRAW'] !== '1',
  );
  const repaint = () => screen.repaint();
  const instance = render(
    <App
      deps={{
        keymap,
        events,
        jobs,
        inFlight,
        profiles: { listProfiles },
        config: start.config,
        env: process.env,
        openSession: createSessionOpener({
          events,
          maxAttempts: start.config.config.aws.maxAttempts,
          handoff: start.config.config.handoff,
          mysql,
          rootReset,
          instancePages,
        }),
        initialSettings: start.settings,
        settingsInputs: start.inputs,
        runInTerminal: (command, args) =>
          runSuspended(
            {
              stdin: process.stdin,
              stdout: process.stdout,
              redraw: repaint,
            },
            command,
            args,
          ),
        repaint,
        home: homedir(),
        fileExists: existsSync,
        ...(options.labSummary ? { labSummary: options.labSummary } : {}),
      }}
      theme={theme}
      initialPane={start.pane}
      eventFile={start.eventFile}
    />,
    // One key press per turn, so a burst of keys over a slow link is not lost.
    {
      exitOnCtrlC: false,
      stdout: screen as unknown as NodeJS.WriteStream,
      // Caps redraws during bursts (list pages arriving, key repeat) so less goes over SSH.
      maxFps: 60,
      stdin: new PacedInput(
        process.stdin,
        () => inputMode.text,
      ) as unknown as NodeJS.ReadStream,
    },
  );
  return {
    waitUntilExit: () => instance.waitUntilExit(),
    unmount: () => instance.unmount(),
    close: () => {
      screen.close();
      jobs.cancelAll();
      inFlight.cancelAll();
      void mysql.closeAll();
      void rootReset.close();
      instancePages.close();
    },
  };
}
