/**
 * The console's handle on the root-password reset wizard, one per run of the
 * console (it outlives AWS profile switches, like the MySQL connections): the
 * engine (imported on first use, since it brings ssh2 and mysql2), the
 * wizard's state, and the live parts the state must not hold: the SSH
 * session, the detected server and the new password (memory only).
 */
import type { MysqlConnectionProfile } from '../../config/mysql-profile-schema.js';
import type { SshPrompts, SshSession } from '../../ssh/ssh-types.js';
import type {
  cancelRun,
  Connected,
  detectServer,
  readLeftover,
  runReset,
  sudoPasswordNeeded,
} from './reset-service.js';
import { createStore } from '../../lib/store.js';
import { createWriteGuard, type WriteGuard } from '../../safety/read-only.js';
import {
  initialState,
  nextState,
  type WizardEvent,
  type WizardState,
} from './views/wizard-state.js';

/** What the wizard calls; the real one is reset-service.ts over a new SSH session. */
export interface RootResetEngine {
  /** A new SSH session for the profile; nothing is dialled yet. */
  readonly openSsh: (
    profile: MysqlConnectionProfile,
    prompts: SshPrompts,
  ) => SshSession;
  readonly sudoPasswordNeeded: typeof sudoPasswordNeeded;
  readonly detectServer: typeof detectServer;
  readonly runReset: typeof runReset;
  readonly readLeftover: typeof readLeftover;
  readonly cancelRun: typeof cancelRun;
}

/** The live parts of one wizard run on one connection. */
export interface ResetLink {
  readonly name: string;
  readonly profile: MysqlConnectionProfile;
  readonly ssh: SshSession;
  connected?: Connected | undefined;
  /** Typed by the user, kept for this link only. */
  password?: string | undefined;
}

export interface WizardSnapshot {
  readonly state: WizardState;
  /** The job that runs the reset, while it runs. */
  readonly jobId?: number;
}

export interface RootResetStore {
  readonly getSnapshot: () => WizardSnapshot;
  readonly subscribe: (listener: () => void) => () => void;
  readonly dispatch: (event: WizardEvent) => void;
  readonly setJob: (jobId: number | undefined) => void;
}

export interface RootResetService {
  readonly engine: () => Promise<RootResetEngine>;
  readonly wizard: RootResetStore;
  readonly link: () => ResetLink | undefined;
  /** Keeps the new link; the old one's SSH session is closed unless the new one shares it. */
  readonly setLink: (link: ResetLink | undefined) => void;
  /** Ends the SSH session, e.g. on quit, so the process can exit. */
  readonly close: () => Promise<void>;
}

/** The session's guard, or a read-only one when the link's profile is read-only in config. */
export function linkGuard(
  session: WriteGuard,
  link: ResetLink | undefined,
): WriteGuard {
  return session.readOnly || link?.profile.readOnly !== true
    ? session
    : createWriteGuard(true, `connection ${link.name} is read-only in config`);
}

function createRootResetStore(
  state: WizardState = initialState(),
): RootResetStore {
  const store = createStore<WizardSnapshot>({ state });
  const { set } = store;
  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    dispatch(event) {
      const snapshot = store.getSnapshot();
      const state = nextState(snapshot.state, event);
      if (state !== snapshot.state) set({ ...snapshot, state });
    },
    setJob(jobId) {
      const { jobId: _old, ...rest } = store.getSnapshot();
      set(jobId === undefined ? rest : { ...rest, jobId });
    },
  };
}

export function createRootResetService(deps: {
  readonly loadEngine: () => Promise<RootResetEngine>;
}): RootResetService {
  let engine: Promise<RootResetEngine> | undefined;
  let link: ResetLink | undefined;
  const closeLink = (old: ResetLink | undefined) =>
    old ? old.ssh.close().catch(() => undefined) : Promise.resolve();
  return {
    engine() {
      engine ??= deps.loadEngine();
      // A failed import may be retried on the next use.
      engine.catch(() => (engine = undefined));
      return engine;
    },
    wizard: createRootResetStore(),
    link: () => link,
    setLink(next) {
      const old = link;
      link = next;
      if (old && old.ssh !== next?.ssh) void closeLink(old);
    },
    async close() {
      const old = link;
      link = undefined;
      await closeLink(old);
    },
  };
}
