/**
 * `opsdeck eip guard PAIR [--dry-run]`: the guard in the foreground (or
 * under systemd), one line per decision on stdout, every switch and change
 * of verdict in the history. SIGTERM and SIGINT stop it between rounds.
 * Exit codes: 0 stopped, 1 could not start (unknown pair, read-only), 2 usage.
 */
import { describeError } from '../../lib/errors.js';
import { runGuard } from '../../failover/guard.js';
import {
  appendHistory,
  lastSwitchAt,
  readHistory,
} from '../../failover/history.js';
import type { CliOptions } from '../../session/start.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  type CommandIo,
} from '../command-io.js';
import { loadPairs, openEipSession } from './eip-session.js';

export interface GuardOptions extends CliOptions {
  readonly dryRun?: boolean;
}

export async function runEipGuard(
  name: string | undefined,
  options: GuardOptions,
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
  rounds?: number,
): Promise<number> {
  const config = await loadPairs(options, env);
  for (const problem of config.problems) io.err(`opsdeck: ${problem}`);
  const pair = name === undefined ? undefined : config.pairs[name];
  if (!pair) {
    const known = Object.keys(config.pairs);
    io.err(
      `opsdeck eip guard: PAIR: no failover pair named "${name ?? ''}" in the config file (${known.length > 0 ? `pairs: ${known.join(', ')}` : 'it has no failover: section'})`,
    );
    return EXIT_USAGE;
  }
  const session = await openEipSession(options, env, pair);
  const dryRun = options.dryRun === true;
  try {
    if (session.readOnly.readOnly && !dryRun) {
      io.err(
        `opsdeck eip guard: read-only: the guard could switch the address, so it does not start (${session.readOnly.reason}); --dry-run watches without writing`,
      );
      return EXIT_FAILED;
    }
    io.err(
      `guarding ${name ?? ''}: ${pair.eip} on ${pair.active} or ${pair.standby} in ${session.region}, every ${String(pair.interval)} s, switch after ${String(pair.failures)} failures in a row, cooldown ${String(pair.cooldown)} s${dryRun ? ' (dry run: nothing is sent)' : ''}`,
    );
    const summary = await runGuard({
      name: name ?? '',
      pair,
      reader: session.reader,
      move: (allocationId, instanceId) =>
        session.addresses.move(allocationId, instanceId),
      record: (entry) => appendHistory(session.historyFile, entry),
      lastSwitchAt: async () =>
        lastSwitchAt(await readHistory(session.historyFile), name ?? '', [
          pair.eip,
        ]),
      line: io.out,
      dryRun,
      signal: io.signal,
      ...(rounds === undefined ? {} : { rounds }),
    });
    io.err(
      `guard stopped after ${String(summary.rounds)} rounds, ${String(summary.switches)} switches`,
    );
    return EXIT_OK;
  } catch (error) {
    io.err(`opsdeck eip guard: ${describeError(error)}`);
    return EXIT_FAILED;
  } finally {
    session.close();
  }
}
