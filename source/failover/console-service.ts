/**
 * Failover for the console: each configured pair's picture with a round of
 * checks and its history, and the switch the operator confirmed (timed until
 * the EIP answers, written to the same history as the guard's).
 */
import type { AwsClientFactory } from '../aws/client-factory.js';
import { createAddressService } from '../aws/ec2/addresses.js';
import { createEipPairReader } from '../aws/ec2/eip-pairs.js';
import type { WriteOptions } from '../aws/ec2/types.js';
import type { FailoverPair } from '../config/failover-schema.js';
import { describeError } from '../lib/errors.js';
import type { Outcome } from '../safety/write-outcome.js';
import { runCheck, type CheckOutcome } from './health-check.js';
import { appendHistory, readHistory, type HistoryEntry } from './history.js';
import { switchTarget, type PairRow } from './pair-row.js';
import { timedSwitch, type SwitchTiming } from './switch-address.js';
import { checkSpecOf, directTarget, eipTarget, holderOf } from './targets.js';

export interface FailoverService {
  status(
    pairs: Readonly<Record<string, FailoverPair>>,
    signal: AbortSignal,
  ): Promise<PairRow[]>;
  /** Moves the address to the other instance of the pair. */
  switchNow(
    row: PairRow,
    options?: WriteOptions,
  ): Promise<Outcome<SwitchTiming>>;
}

/** The session's factory seen from another region: same clients, guard and log. */
function inRegion(factory: AwsClientFactory, region: string): AwsClientFactory {
  if (region === factory.settings.region) return factory;
  return {
    ...factory,
    settings: { ...factory.settings, region },
    ec2: (other = region) => factory.ec2(other),
  };
}

const HISTORY_SHOWN = 50;

export function createFailoverService(
  factory: AwsClientFactory,
  historyPath: string,
): FailoverService {
  const regionOf = (pair: FailoverPair) =>
    pair.region ?? factory.settings.region;

  async function statusOf(
    name: string,
    pair: FailoverPair,
    history: readonly HistoryEntry[],
    signal: AbortSignal,
  ): Promise<PairRow> {
    const region = regionOf(pair);
    const own = history.filter((entry) => entry.pair === name);
    const base = {
      name,
      pair,
      region,
      history: own.slice(-HISTORY_SHOWN),
      lastSwitch: own.findLast(
        (entry) => entry.kind === 'switch' && entry.dryRun !== true,
      ),
      lastGuard: own.findLast((entry) => entry.source === 'guard'),
      checks: {},
    };
    if (pair.profile !== undefined && pair.profile !== factory.settings.profile)
      return {
        ...base,
        error: `in profile ${pair.profile}: switch with :profile ${pair.profile} to see it`,
      };
    try {
      const picture = await createEipPairReader(
        inRegion(factory, region),
      ).picture(pair, signal);
      const holder = holderOf(picture);
      const spec = checkSpecOf(pair);
      const timeoutMs = pair.check.timeout * 1000;
      const probe = (target: ReturnType<typeof eipTarget>) =>
        target ? runCheck(spec, target, timeoutMs) : undefined;
      const [active, standby, eip] = await Promise.all([
        probe(directTarget(pair, 'active', picture.active)),
        probe(directTarget(pair, 'standby', picture.standby)),
        probe(eipTarget(pair, picture.eip.publicIp, holder)),
      ]);
      const checks: Partial<
        Record<'active' | 'standby' | 'eip', CheckOutcome>
      > = {
        ...(active ? { active } : {}),
        ...(standby ? { standby } : {}),
        ...(eip ? { eip } : {}),
      };
      return { ...base, picture, holder, checks };
    } catch (error) {
      if (signal.aborted) throw error;
      return { ...base, error: describeError(error) };
    }
  }

  return {
    async status(pairs, signal) {
      const history = await readHistory(historyPath).catch(() => []);
      return Promise.all(
        Object.entries(pairs).map(([name, pair]) =>
          statusOf(name, pair, history, signal),
        ),
      );
    },

    async switchNow(row, options) {
      const { picture } = row;
      const role = switchTarget(row);
      if (!picture) throw new Error(`${row.name}: the pair could not be read`);
      const to = picture[role];
      const addresses = createAddressService(inRegion(factory, row.region));
      let outcome: Awaited<ReturnType<typeof addresses.move>> | undefined;
      const target = eipTarget(row.pair, picture.eip.publicIp, role);
      const limitMs = row.pair.interval * row.pair.failures * 1000 + 30_000;
      const timing = await timedSwitch(
        async () => {
          outcome = await addresses.move(
            picture.eip.allocationId,
            to.id,
            options,
          );
        },
        options?.dryRun === true || !target
          ? undefined
          : {
              spec: checkSpecOf(row.pair),
              target,
              timeoutMs: row.pair.check.timeout * 1000,
              limitMs,
            },
      );
      if (!outcome || 'dryRun' in outcome)
        return outcome ?? { dryRun: { allowed: false } };
      await appendHistory(historyPath, {
        at: new Date().toISOString(),
        pair: row.name,
        source: 'console',
        kind: 'switch',
        reason: 'switched from the console',
        eip: picture.eip.publicIp,
        ...(picture.eip.instanceId ? { from: picture.eip.instanceId } : {}),
        to: to.id,
        callMillis: timing.callMillis,
        ...(timing.answeredMillis === undefined
          ? {}
          : { answeredMillis: timing.answeredMillis }),
      });
      return { result: timing };
    },
  };
}
