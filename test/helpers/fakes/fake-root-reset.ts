/**
 * The root-password reset engine without a network, for component tests: a
 * pretend SSH session that asks the host-key question, a detection to show,
 * and a run that reports the plan's steps and ends as the test says (done,
 * failed at a step, link lost), optionally held until released or stopped.
 * It refuses in read-only mode through the guard, like the real one.
 */
import { UserError } from '../../../source/lib/errors.js';
import type {
  HostKeyQuestion,
  SshPrompts,
  SshSession,
} from '../../../source/ssh/ssh-types.js';
import type { RootResetEngine } from '../../../source/wizards/root-reset/console-service.js';
import type { Connected } from '../../../source/wizards/root-reset/reset-service.js';
import type {
  Detection,
  RemoteOutcome,
  ResetResult,
  RunEvent,
  StepId,
} from '../../../source/wizards/root-reset/types.js';

export type FakeEnding = 'ok' | 'fail' | 'lost';

export interface FakeRootReset {
  readonly engine: RootResetEngine;
  /** connect, sudo?, detect, run <method> <user@host>, cancel, leftover, close. */
  readonly calls: string[];
  /** Every password runReset was given, exactly. */
  readonly passwords: string[];
  readonly sudoPasswords: (string | undefined)[];
  detection: Detection;
  sudoNeeded: boolean;
  hostKey: HostKeyQuestion | undefined;
  detectError: UserError | undefined;
  ending: FakeEnding;
  /** Holds the run after its first step until release() or a stop. */
  hold: boolean;
  readonly release: () => void;
}

export function fakeDetection(extra: Partial<Detection> = {}): Detection {
  return {
    host: 'ops@db1.example.com:22',
    osUser: 'ops',
    viaSudo: true,
    flavour: 'mariadb',
    version: '10.11.6',
    versionLine: 'mariadbd  Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu',
    serverBinary: '/usr/sbin/mariadbd',
    client: '/usr/bin/mariadb',
    pid: 4242,
    running: true,
    serverUser: 'mysql',
    socket: '/run/mysqld/mysqld.sock',
    port: 3306,
    datadir: '/var/lib/mysql/',
    pidFile: '/run/mysqld/mysqld.pid',
    errorLog: undefined,
    runtimeDir: '/run/mysqld',
    manager: {
      kind: 'custom',
      stop: '/opt/db/stop-mariadb.sh',
      start: '/opt/db/start-mariadb.sh',
    },
    apparmor: undefined,
    selinux: undefined,
    binaryLog: true,
    galera: false,
    access: undefined,
    leftover: undefined,
    notes: [],
    ...extra,
  };
}

const WORK = '/run/opsdeck-reset.Ab12Cd34';

export function createFakeRootReset(): FakeRootReset {
  let trusted = false;
  let held: (() => void) | undefined;
  let stopped = false;
  const fake: FakeRootReset = {
    engine: undefined as unknown as RootResetEngine,
    calls: [],
    passwords: [],
    sudoPasswords: [],
    detection: fakeDetection(),
    sudoNeeded: false,
    hostKey: undefined,
    detectError: undefined,
    ending: 'ok',
    hold: false,
    release: () => held?.(),
  };
  const connect = async (prompts: SshPrompts) => {
    if (fake.hostKey && !trusted) {
      if (!(await prompts.confirmHostKey(fake.hostKey)))
        throw new UserError(
          `host key of ${fake.hostKey.host} not trusted; nothing was sent`,
        );
      trusted = true;
    }
    fake.calls.push('connect');
  };
  const connected = (): Connected => ({
    root: undefined as unknown as Connected['root'],
    detection: fake.detection,
  });
  const outcome = (
    ending: FakeEnding,
    failedStep: StepId = 'stop-server',
  ): RemoteOutcome =>
    ending === 'ok'
      ? {
          ok: true,
          failedStep: undefined,
          error: undefined,
          serverState: 'running',
          password: 'new',
          socketLogin: true,
          leftFiles: [],
        }
      : {
          ok: false,
          failedStep,
          error: stopped
            ? 'stopped by TERM'
            : 'the stop command failed: lab fault: stop refused',
          serverState: 'running',
          password: 'old',
          socketLogin: true,
          leftFiles: [],
        };
  const engine: RootResetEngine = {
    openSsh: (_profile, prompts) =>
      ({
        name: 'ops@db1.example.com:22',
        connect: () => connect(prompts),
        close: () => (fake.calls.push('close'), Promise.resolve()),
      }) as unknown as SshSession,
    sudoPasswordNeeded: async (ssh) => {
      await ssh.connect();
      return fake.sudoNeeded;
    },
    detectServer: async (target) => {
      await target.ssh.connect();
      fake.sudoPasswords.push(target.sudoPassword);
      fake.calls.push('detect');
      if (fake.detectError) throw fake.detectError;
      return connected();
    },
    runReset: async (_connected, plan, password, onEvent, options) => {
      options.guard.check('mysql', 'ResetRootPassword');
      fake.passwords.push(password);
      fake.calls.push(
        `run ${plan.options.method} ${plan.options.user}@${plan.options.host}`,
      );
      stopped = false;
      const emit = (event: RunEvent) => onEvent(event);
      emit({ kind: 'started', work: WORK });
      const [first, second] = plan.steps;
      if (first) {
        emit({ kind: 'step', id: first.id, status: 'running' });
        emit({ kind: 'output', line: `${first.title}: ok` });
        emit({ kind: 'step', id: first.id, status: 'done' });
      }
      if (fake.hold) await new Promise<void>((resolve) => (held = resolve));
      if (fake.ending === 'lost')
        throw new UserError("lost the reset's progress: the SSH link dropped", {
          hint: `it goes on detached on the host (${WORK}); open the wizard again on this host to see how it ended`,
        });
      const ending = stopped ? 'fail' : fake.ending;
      const rest = plan.steps.slice(1);
      for (const step of ending === 'ok' ? rest : second ? [second] : []) {
        emit({ kind: 'step', id: step.id, status: 'running' });
        emit({ kind: 'output', line: `${step.title}: ok` });
        emit({
          kind: 'step',
          id: step.id,
          status: ending === 'ok' ? 'done' : 'failed',
        });
      }
      const remote = outcome(ending, second?.id);
      emit({ kind: 'finished', outcome: remote });
      const result: ResetResult = {
        remote,
        tunnelLogin: remote.ok
          ? {
              ok: true,
              message: 'logged in through the tunnel as root@localhost',
            }
          : undefined,
        log: [],
      };
      return result;
    },
    readLeftover: (_connected, work, onEvent) => {
      fake.calls.push(`leftover ${work}`);
      onEvent({ kind: 'step', id: 'restart-normally', status: 'done' });
      fake.detection = { ...fake.detection, leftover: undefined };
      return Promise.resolve({ outcome: outcome('ok'), log: [] });
    },
    cancelRun: (_connected, work) => {
      fake.calls.push(`cancel ${work}`);
      stopped = true;
      held?.();
      return Promise.resolve();
    },
  };
  return Object.assign(fake, { engine });
}
