/**
 * `opsdeck reset-root CONNECTION`: the root-password reset without the
 * console. Facts, plan and progress go to stderr, the result to stdout (text
 * or --json). Secrets come from a terminal with no echo, or from stdin with
 * --password-stdin; without a terminal nothing changes unless --yes is given.
 * Exit codes: 0 done (or nothing asked of it), 1 refused or failed, 2 usage.
 */
import { describeError } from '../../lib/errors.js';
import { createEventLog } from '../../events/event-log.js';
import { sshTargetOf, mysqlTargetOf } from '../../mysql/connection-profile.js';
import { defaultSshEnvironment } from '../../mysql/mysql-services.js';
import { createWriteGuard } from '../../safety/read-only.js';
import { createSshSession } from '../../ssh/ssh-session.js';
import { prepareStart, type CliOptions } from '../../session/start.js';
import { processIo, type CommandIo } from '../command-io.js';
import { askHidden, sshPrompts, stdinLines } from './command-input.js';
import {
  eventPrinter,
  printDetection,
  printPlan,
  printResult,
} from './command-output.js';
import { resetOptionsFrom, type ResetRootFlags } from './command-args.js';
import { planOf } from '../../wizards/root-reset/plan.js';
import {
  cancelRun,
  type Connected,
  detectServer,
  readLeftover,
  runReset,
  sudoPasswordNeeded,
} from '../../wizards/root-reset/reset-service.js';
import {
  passwordProblem,
  strengthHint,
} from '../../wizards/root-reset/secrets.js';

export interface ResetRootOptions extends CliOptions, ResetRootFlags {
  readonly passwordStdin?: boolean;
  readonly sudoPasswordStdin?: boolean;
  readonly detect?: boolean;
  readonly yes?: boolean;
  readonly json?: boolean;
}

async function newPassword(
  options: ResetRootOptions,
  lines: string[],
  io: CommandIo,
): Promise<string | undefined> {
  const [typed, again] = options.passwordStdin
    ? [lines[0] ?? '', lines[0] ?? '']
    : [
        (await askHidden('new password: ')) ?? '',
        (await askHidden('new password again: ')) ?? '',
      ];
  const problem = passwordProblem(typed, again);
  if (problem) {
    io.err(`opsdeck reset-root: ${problem}`);
    return undefined;
  }
  io.err(`strength: ${strengthHint(typed)}`);
  return typed;
}

export async function runResetRoot(
  name: string,
  options: ResetRootOptions,
  io: CommandIo = processIo(),
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const start = await prepareStart(options, process.env);
  const profiles = start.config.config.mysql?.connections ?? {};
  const profile = profiles[name];
  if (!profile) {
    io.err(
      `opsdeck reset-root: no MySQL connection named "${name}" (known: ${Object.keys(profiles).join(', ') || 'none'})`,
    );
    return 2;
  }
  if (!io.interactive && !options.passwordStdin && options.detect !== true) {
    io.err(
      'opsdeck reset-root: without a terminal the new password comes from stdin: add --password-stdin',
    );
    return 2;
  }
  let resetOptions;
  try {
    resetOptions = resetOptionsFrom(options);
  } catch (error) {
    io.err(`opsdeck reset-root: ${describeError(error)}`);
    return 2;
  }
  const lines =
    options.passwordStdin || options.sudoPasswordStdin
      ? await stdinLines(input)
      : [];
  const knownHosts = process.env['OPSDECK_SSH_KNOWN_HOSTS'];
  const ssh = createSshSession({
    target: sshTargetOf(profile),
    prompts: sshPrompts(io),
    environment: {
      ...defaultSshEnvironment(),
      ...(knownHosts ? { knownHostsFiles: [knownHosts] } : {}),
    },
  });
  const guard = createWriteGuard(
    start.settings.readOnly || profile.readOnly === true,
    start.settings.readOnly
      ? start.settings.readOnlyReason
      : `connection ${name} is read-only in config`,
  );
  let work: string | undefined;
  let connected: Connected | undefined;
  // Ctrl+C during a run: the remote trap restores the server.
  const onInterrupt = () => {
    io.err('cancelling: the host restores the server');
    if (work && connected)
      void cancelRun(connected, work, guard).catch((error: unknown) =>
        io.err(`opsdeck reset-root: ${describeError(error)}`),
      );
  };
  try {
    const needsSudo = await sudoPasswordNeeded(ssh);
    const sudoPassword = !needsSudo
      ? undefined
      : options.sudoPasswordStdin
        ? lines[options.passwordStdin ? 1 : 0]
        : io.interactive
          ? await askHidden(`sudo password on ${ssh.name}: `)
          : undefined;
    const target = mysqlTargetOf(profile).endpoint;
    connected = await detectServer(
      {
        ssh,
        port: target.kind === 'tcp' ? target.port : undefined,
        socket: target.kind === 'socket' ? target.path : undefined,
        server: profile.server,
        sudoPassword,
      },
      undefined,
      (dir) =>
        io.err(
          `an earlier reset still runs on the host (${dir}); waiting for it to end`,
        ),
    );
    printDetection(connected.detection, io);
    if (connected.detection.leftover && guard.readOnly)
      io.err(
        `an earlier reset left ${connected.detection.leftover} on the host; read-only: not followed nor removed (${guard.reason})`,
      );
    else if (connected.detection.leftover) {
      const earlier = await readLeftover(
        connected,
        connected.detection.leftover,
        () => undefined,
        { guard },
      );
      io.err(
        `an earlier reset ended: ${earlier.outcome ? `${earlier.outcome.ok ? 'done' : `failed at ${earlier.outcome.failedStep ?? '?'}`}, server ${earlier.outcome.serverState}` : 'no result in its log'}`,
      );
    }
    if (options.detect === true) return 0;
    const plan = planOf(connected.detection, resetOptions(connected.detection));
    printPlan(plan, io);
    const password = await newPassword(options, lines, io);
    if (password === undefined) return 2;
    const account = `${plan.options.user}@${plan.options.host}`;
    if (options.yes !== true) {
      if (!io.interactive) {
        io.err(
          'opsdeck reset-root: nothing changed; add --yes to run this plan',
        );
        return 0;
      }
      if (!(await io.ask(`Reset the password of ${account} on ${ssh.name}?`)))
        return 0;
    }
    process.once('SIGINT', onInterrupt);
    const result = await runReset(
      connected,
      plan,
      password,
      (event) => {
        if (event.kind === 'started') work = event.work;
        eventPrinter(io)(event);
      },
      {
        ssh,
        tunnelPort: connected.detection.port,
        guard,
        events: createEventLog(),
      },
    );
    printResult(result, options.json === true, io);
    return result.remote.ok && result.tunnelLogin?.ok !== false ? 0 : 1;
  } catch (error) {
    io.err(`opsdeck reset-root: ${describeError(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', onInterrupt);
    await ssh.close();
  }
}
