/**
 * The root-password reset over SSH: detect, plan, run the detached script,
 * then check the new password through the tunnel. Detection is read-only;
 * only runReset changes anything.
 */
import { UserError } from '../../lib/errors.js';
import type { EventLog } from '../../events/event-log.js';
import type { WriteGuard } from '../../safety/read-only.js';
import type { SshSession } from '../../ssh/ssh-session.js';
import type { Connected } from './detect/detect-server.js';
import {
  followCommand,
  launchCommand,
  removeCommand,
  stopCommand,
  WORK_PATTERN,
} from './run/launcher.js';
import { remoteScript } from './run/remote-script.js';
import type { RootShell } from './detect/remote-root.js';
import { createRunLog } from './run/run-log.js';
import { passwordProblem } from './secrets.js';
import { tunnelCheck } from './run/tunnel-check.js';
import type { Plan, ResetResult, RunEvent } from './types.js';

export {
  detectServer,
  sudoPasswordNeeded,
  type Connected,
  type ResetTarget,
} from './detect/detect-server.js';

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

/**
 * An earlier run whose link dropped: follow it to its end, then remove its
 * directory. Removing is a write, so read-only mode refuses before anything runs.
 */
export async function readLeftover(
  connected: Connected,
  work: string,
  onEvent: (event: RunEvent) => void,
  options: { guard: WriteGuard; signal?: AbortSignal | undefined },
) {
  if (!WORK_PATTERN.test(work))
    throw new UserError(`not a reset directory: ${work}`);
  options.guard.check('mysql', 'RemoveResetRun');
  const signal = options.signal;
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
  guard: WriteGuard,
): Promise<void> {
  if (!WORK_PATTERN.test(work)) return;
  guard.check('mysql', 'StopResetRun');
  await connected.root.run(stopCommand(work));
}
