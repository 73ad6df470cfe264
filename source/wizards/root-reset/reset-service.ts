/**
 * The root-password reset over SSH: detect, plan, run the detached script,
 * then check the new password through the tunnel. Detection is read-only;
 * only run() changes anything.
 */
import { UserError } from '../../errors.js';
import { openLink } from '../../mysql/mysql-link.js';
import type { EventLog } from '../../events/event-log.js';
import type { WriteGuard } from '../../safety/read-only.js';
import type { SshSession } from '../../ssh/ssh-session.js';
import { sudoNeedsPassword } from '../../ssh/sudo-exec.js';
import {
  accessOf,
  detectionOf,
  runningResets,
  type DetectInput,
} from './detect-parse.js';
import { DETECT_SCRIPT, PROBE_SCRIPT } from './detect-script.js';
import {
  followCommand,
  launchCommand,
  removeCommand,
  stopCommand,
  waitCommand,
  WORK_PATTERN,
} from './launcher.js';
import { remoteScript } from './remote-script.js';
import { rootShell, type RootShell } from './remote-root.js';
import { createRunLog } from './run-log.js';
import { passwordProblem } from './secrets.js';
import type { Detection, Plan, ResetResult, RunEvent } from './types.js';

export interface ResetTarget {
  readonly ssh: SshSession;
  /** MySQL as seen from the SSH host, as the connection profile says. */
  readonly port: number | undefined;
  readonly socket: string | undefined;
  readonly server: DetectInput['server'];
  readonly sudoPassword: string | undefined;
}

export interface Connected {
  readonly root: RootShell;
  readonly detection: Detection;
}

export async function detectServer(
  target: ResetTarget,
  signal?: AbortSignal,
  onWait?: (work: string) => void,
): Promise<Connected> {
  await target.ssh.connect(signal);
  const root = await rootShell(target.ssh, target.sudoPassword, signal);
  const factsOf = async () => {
    const facts = await root.script(DETECT_SCRIPT, [], { signal });
    if (facts.code !== 0)
      throw new UserError(`detection failed on ${target.ssh.name}`, {
        hint: facts.stderr.trim().slice(-300),
      });
    return facts.stdout;
  };
  let facts = await factsOf();
  // A reset whose link dropped may still have the server down: let it end.
  const running = runningResets(facts).filter((work) =>
    WORK_PATTERN.test(work),
  );
  for (const work of running) {
    onWait?.(work);
    await root.run(waitCommand(work), { signal });
  }
  if (running.length > 0) facts = await factsOf();
  const input: DetectInput = {
    host: target.ssh.name,
    viaSudo: root.viaSudo,
    port: target.port,
    socket: target.socket,
    server: target.server,
  };
  const found = detectionOf(facts, input);
  const probe = await root.script(PROBE_SCRIPT, [found.client, found.socket], {
    signal,
  });
  return { root, detection: detectionOf(facts, input, accessOf(probe.stdout)) };
}

/** Follows a run's log to its end; the run goes on on the host if the link drops. */
async function follow(
  root: RootShell,
  command: string,
  stdin: string | undefined,
  onEvent: (event: RunEvent) => void,
  signal?: AbortSignal,
) {
  const log = createRunLog();
  const emit = (events: RunEvent[]) => events.forEach(onEvent);
  let failure: unknown;
  try {
    const result = await root.run(command, {
      stdin,
      signal,
      onStdout: (chunk) => emit(log.push(chunk.toString('utf8'))),
    });
    if (result.code === 91)
      throw new UserError(
        'the script arrived incomplete on the host; nothing ran',
      );
  } catch (error) {
    failure = error;
  }
  emit(log.end());
  return { log, failure };
}

export async function runReset(
  connected: Connected,
  plan: Plan,
  password: string,
  onEvent: (event: RunEvent) => void,
  options: {
    signal?: AbortSignal | undefined;
    ssh: SshSession;
    tunnelPort: number | undefined;
    guard: WriteGuard;
    events?: EventLog | undefined;
  },
): Promise<ResetResult> {
  const problem = passwordProblem(password, password);
  if (problem) throw new UserError(problem);
  options.guard.check('mysql', 'ResetRootPassword');
  const account = `${plan.options.user}@${plan.options.host}`;
  options.events?.record(
    'write',
    'mysql',
    `password reset of ${account} on ${plan.detection.host} started (${plan.options.method})`,
  );
  const script = remoteScript(plan.detection, plan.options, password);
  const { log, failure } = await follow(
    connected.root,
    launchCommand(script.text),
    script.text,
    onEvent,
    options.signal,
  );
  const work = log.work();
  const remote = log.outcome();
  if (!remote) {
    const reason =
      failure instanceof Error ? failure.message : 'the log ended early';
    throw new UserError(`lost the reset's progress: ${reason}`, {
      hint: work
        ? `it goes on detached on the host (${work}); open the wizard again on this host to see how it ended`
        : 'nothing ran on the host',
    });
  }
  options.events?.record(
    remote.ok ? 'write' : 'error',
    'mysql',
    remote.ok
      ? `password of ${account} on ${plan.detection.host} reset`
      : `password reset on ${plan.detection.host} failed at ${remote.failedStep ?? '?'}: ${remote.error ?? ''}; server ${remote.serverState}`,
  );
  if (work && WORK_PATTERN.test(work))
    await connected.root.run(removeCommand(work)).catch(() => undefined);
  const tunnelLogin =
    remote.serverState === 'running' && options.tunnelPort !== undefined
      ? await tunnelCheck(options.ssh, plan, password, options.tunnelPort)
      : undefined;
  return { remote, tunnelLogin, log: log.lines() };
}

async function tunnelCheck(
  ssh: SshSession,
  plan: Plan,
  password: string,
  port: number,
) {
  try {
    const link = await openLink(
      ssh,
      {
        endpoint: { kind: 'tcp', host: '127.0.0.1', port },
        user: plan.options.user,
        askPassword: true,
      },
      { password, via: 'reset check' },
    );
    try {
      const [rows] = await link.connection.query(
        'SELECT CURRENT_USER() AS user',
      );
      return {
        ok: true,
        message: `logged in through the tunnel as ${(rows as { user: string }[])[0]?.user ?? '?'}`,
      };
    } finally {
      await link.close();
    }
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** An earlier run whose link dropped: follow it to its end, then remove its directory. */
export async function readLeftover(
  connected: Connected,
  work: string,
  onEvent: (event: RunEvent) => void,
  signal?: AbortSignal,
) {
  if (!WORK_PATTERN.test(work))
    throw new UserError(`not a reset directory: ${work}`);
  const { log } = await follow(
    connected.root,
    followCommand(work),
    undefined,
    onEvent,
    signal,
  );
  if (log.outcome())
    await connected.root.run(removeCommand(work)).catch(() => undefined);
  return { outcome: log.outcome(), log: log.lines() };
}

/** Asks a running script to stop; its trap restores the server. */
export async function cancelRun(
  connected: Connected,
  work: string,
): Promise<void> {
  if (!WORK_PATTERN.test(work)) return;
  await connected.root.run(stopCommand(work));
}

/** Whether detection will need the sudo password: the SSH user is not root and sudo asks. */
export async function sudoPasswordNeeded(
  ssh: SshSession,
  signal?: AbortSignal,
): Promise<boolean> {
  await ssh.connect(signal);
  const who = await ssh.exec('id -u', { signal });
  if (who.stdout.trim() === '0') return false;
  return sudoNeedsPassword(ssh, signal);
}
