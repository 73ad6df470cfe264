/**
 * `opsdeck eip failover EIP --to INSTANCE`: the switch in one step
 * (AssociateAddress with AllowReassociation), timed until the EIP answers
 * the check on the new instance when one is configured or given.
 * Exit codes: 0 moved (or already there), 1 refused or failed, 2 usage,
 * 3 moved but the EIP did not pass the check within --wait.
 */
import { instanceLabel } from '../../aws/ec2/eip-pairs.js';
import { describeError } from '../../lib/errors.js';
import type { CheckSpec, CheckTarget } from '../../failover/health-check.js';
import { appendHistory } from '../../failover/history.js';
import {
  describeTiming,
  timedSwitch,
  type AnswerWatch,
} from '../../failover/switch-address.js';
import { checkSpecOf, eipTarget } from '../../failover/targets.js';
import type { CliOptions } from '../../session/start.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import {
  checkEipArgument,
  checkInstanceArgument,
  parseCheckFlag,
  parseSeconds,
} from './eip-arguments.js';
import { dryRunMove } from './dry-run.js';
import { loadPairs, openEipSession, pairOfEip } from './eip-session.js';

const EXIT_NOT_ANSWERING = 3;

export interface FailoverOptions extends CliOptions {
  readonly to?: string;
  readonly check?: string;
  readonly wait?: string;
  readonly yes?: boolean;
  readonly json?: boolean;
  readonly dryRun?: boolean;
}

export async function runEipFailover(
  eipArgument: string | undefined,
  options: FailoverOptions,
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let eip: string,
    to: string,
    given: CheckSpec | undefined,
    waitSeconds: number;
  try {
    eip = checkEipArgument(eipArgument);
    to = checkInstanceArgument(options.to, '--to');
    given =
      options.check === undefined ? undefined : parseCheckFlag(options.check);
    waitSeconds =
      options.wait === undefined ? 120 : parseSeconds(options.wait, '--wait');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`opsdeck eip failover: ${error.message}`);
    return EXIT_USAGE;
  }
  const config = await loadPairs(options, env);
  for (const problem of config.problems) io.err(`opsdeck: ${problem}`);
  const named = pairOfEip(config.pairs, [eip]);
  const session = await openEipSession(options, env, named?.[1] ?? {});
  try {
    if (session.readOnly.readOnly) {
      io.err(
        `opsdeck eip failover: read-only: ec2:AssociateAddress was not sent (${session.readOnly.reason})`,
      );
      return EXIT_FAILED;
    }
    const address = await session.reader.address(eip, io.signal);
    const [target] = await session.reader.instances([to], io.signal);
    if (!target) return EXIT_FAILED;
    const pair =
      named ??
      pairOfEip(config.pairs, [address.publicIp, address.allocationId]);
    if (address.instanceId === target.id) {
      io.out(
        `${address.publicIp} is on ${instanceLabel(target)} already: nothing sent`,
      );
      return EXIT_OK;
    }
    if (target.state !== 'running') {
      io.err(
        `opsdeck eip failover: ${instanceLabel(target)} is ${target.state}: not moving the address to it`,
      );
      return EXIT_FAILED;
    }
    const from = address.instanceId ?? 'nothing';
    io.err(
      `move ${address.publicIp} (${address.allocationId}) from ${from} to ${instanceLabel(target)}: one AssociateAddress call with AllowReassociation; the public IP and DNS name of both instances change.`,
    );
    if (options.dryRun === true)
      return await dryRunMove(
        session.addresses,
        address.allocationId,
        target.id,
        'opsdeck eip failover',
        io,
      );
    if (options.yes !== true) {
      if (!io.interactive) {
        io.err(
          'opsdeck eip failover: nothing sent; without a terminal pass --yes to confirm.',
        );
        return EXIT_USAGE;
      }
      if (!(await io.ask('Move the address now?'))) return EXIT_OK;
    }
    let watch: AnswerWatch | undefined;
    const limitMs = waitSeconds * 1000;
    if (given) {
      watch = {
        spec: given,
        target: { host: address.publicIp, port: given.port },
        timeoutMs: 2000,
        limitMs,
      };
    } else if (pair) {
      const [, settings] = pair;
      const [active] = await session.reader.instances(
        [settings.active],
        io.signal,
      );
      const role = active?.id === target.id ? 'active' : 'standby';
      const spot: CheckTarget | undefined = eipTarget(
        settings,
        address.publicIp,
        role,
      );
      if (spot)
        watch = {
          spec: checkSpecOf(settings),
          target: spot,
          timeoutMs: settings.check.timeout * 1000,
          limitMs,
        };
    }
    const timing = await timedSwitch(
      () => session.addresses.move(address.allocationId, target.id),
      watch,
      io.signal,
    );
    await appendHistory(session.historyFile, {
      at: new Date().toISOString(),
      pair: pair?.[0] ?? '',
      source: 'command',
      kind: 'switch',
      reason: `opsdeck eip failover --to ${to}`,
      eip: address.publicIp,
      ...(address.instanceId ? { from: address.instanceId } : {}),
      to: target.id,
      callMillis: timing.callMillis,
      ...(timing.answeredMillis === undefined
        ? {}
        : { answeredMillis: timing.answeredMillis }),
    }).catch((error: unknown) =>
      io.err(`opsdeck: the history was not written: ${describeError(error)}`),
    );
    if (options.json === true)
      io.out(
        jsonLine({
          eip: address.publicIp,
          allocationId: address.allocationId,
          from: address.instanceId ?? null,
          to: target.id,
          callMillis: timing.callMillis,
          answeredMillis: timing.answeredMillis ?? null,
        }),
      );
    else
      io.out(
        `moved ${address.publicIp} to ${instanceLabel(target)}: ${describeTiming(timing, limitMs)}`,
      );
    return watch && timing.answeredMillis === undefined
      ? EXIT_NOT_ANSWERING
      : EXIT_OK;
  } catch (error) {
    io.err(`opsdeck eip failover: ${describeError(error)}`);
    return EXIT_FAILED;
  } finally {
    session.close();
  }
}
