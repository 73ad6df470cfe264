/**
 * What the composition root (source/cli.tsx) hands to the UI: stores,
 * services that outlive a session, and how to open a session.
 */
import { createContext, useContext } from 'react';
import type { ProfileLister } from '../../source/aws/profiles.js';
import type { LoadedConfig } from '../../source/config/load.js';
import type { EventLog } from '../../source/events/event-log.js';
import type { InFlight } from '../../source/jobs/in-flight.js';
import type { JobRunner } from '../../source/jobs/job-runner.js';
import type { Keymap } from '../../source/keymap/index.js';
import type { OpenSession } from '../../source/session/session.js';
import type {
  SessionSettings,
  SettingsInputs,
} from '../../source/session/session-settings.js';

export interface AppDeps {
  readonly keymap: Keymap;
  readonly events: EventLog;
  readonly jobs: JobRunner;
  readonly inFlight: InFlight;
  readonly profiles: ProfileLister;
  readonly config: LoadedConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly openSession: OpenSession;
  /** Start settings and what switching profile needs to recompute them. */
  readonly initialSettings: SessionSettings;
  readonly settingsInputs: SettingsInputs;
  /**
   * Runs a program on the real terminal (ssh) with the console suspended,
   * and brings the console back; returns the exit code.
   */
  readonly runInTerminal: (
    command: string,
    args: readonly string[],
  ) => number | null;
  /** Sends the whole screen to the terminal again (Ctrl+L). */
  readonly repaint?: () => void;
  /** The user's home directory and a file check, for ~/.ssh keys. */
  readonly home: string;
  readonly fileExists: (path: string) => boolean;
  /** Lines about the local lab in --demo, shown by :whoami. */
  readonly labSummary?: readonly string[];
}

export const AppDepsContext = createContext<AppDeps | null>(null);

export function useAppDeps(): AppDeps {
  const deps = useContext(AppDepsContext);
  if (!deps) throw new Error('useAppDeps must be used inside <App>');
  return deps;
}
