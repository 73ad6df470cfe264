/**
 * The guard: every interval, the pair's picture (where the EIP is, both
 * instances' states), three checks (each instance directly, the EIP), the
 * decision, one line saying it, and the switch when the decision says so.
 * A stop (SIGTERM, Ctrl+C) ends the loop between rounds; a switch that has
 * started is finished and recorded first.
 */
import type { FailoverPair } from '../config/failover-schema.js';
import {
  instanceLabel,
  type EipPairReader,
  type PairPicture,
} from '../aws/ec2/eip-pairs.js';
import { describeError } from '../lib/errors.js';
import { decide, type Decision, type EipCheck, type Role } from './decide.js';
import { runCheck } from './health-check.js';
import type { HistoryEntry } from './history.js';
import { FAILED, said, sleep, verdictRecorder } from './guard-parts.js';
import { describeTiming, timedSwitch } from './switch-address.js';
import { checkSpecOf, directTarget, eipTarget, holderOf } from './targets.js';

export interface GuardDeps {
  readonly name: string;
  readonly pair: FailoverPair;
  readonly reader: Pick<EipPairReader, 'picture'>;
  /** AssociateAddress with AllowReassociation. */
  readonly move: (allocationId: string, instanceId: string) => Promise<unknown>;
  readonly record: (entry: HistoryEntry) => Promise<void>;
  /** The last real switch of this pair, from the history. */
  readonly lastSwitchAt: () => Promise<number | undefined>;
  readonly line: (text: string) => void;
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  readonly check?: typeof runCheck;
  readonly now?: () => number;
  /** Stops after this many rounds (tests). */
  readonly rounds?: number;
}

export interface GuardSummary {
  readonly rounds: number;
  readonly switches: number;
}

export async function runGuard(deps: GuardDeps): Promise<GuardSummary> {
  const { pair, signal } = deps;
  const check = deps.check ?? runCheck;
  const now = deps.now ?? Date.now;
  const spec = checkSpecOf(pair);
  const timeoutMs = pair.check.timeout * 1000;
  const keep = pair.failures * 2;
  const direct: Record<Role, boolean[]> = { active: [], standby: [] };
  const viaEip: EipCheck[] = [];
  let lastSwitch = await deps.lastSwitchAt();
  let rounds = 0;
  let switches = 0;
  const push = <T>(list: T[], value: T) => {
    list.push(value);
    if (list.length > keep) list.shift();
  };
  const record = verdictRecorder((entry) =>
    deps.record({
      at: new Date(now()).toISOString(),
      pair: deps.name,
      source: 'guard',
      ...(deps.dryRun ? { dryRun: true } : {}),
      ...entry,
    }),
  );

  while (
    !signal.aborted &&
    (deps.rounds === undefined || rounds < deps.rounds)
  ) {
    const started = now();
    rounds++;
    let picture: PairPicture;
    try {
      picture = await deps.reader.picture(pair, signal);
    } catch (error) {
      if (signal.aborted) break;
      const reason = `cannot read the pair: ${describeError(error)}`;
      deps.line(
        `${new Date(now()).toISOString()} ${deps.name}: error: ${reason}`,
      );
      await record({ kind: 'error', reason });
      await sleep(
        Math.max(0, pair.interval * 1000 - (now() - started)),
        signal,
      );
      continue;
    }
    const holder = holderOf(picture);
    const probe = (target: ReturnType<typeof eipTarget>) =>
      target ? check(spec, target, timeoutMs) : Promise.resolve(FAILED);
    const [active, standby, eip] = await Promise.all([
      probe(directTarget(pair, 'active', picture.active)),
      probe(directTarget(pair, 'standby', picture.standby)),
      holder === undefined
        ? undefined
        : probe(eipTarget(pair, picture.eip.publicIp, holder)),
    ]);
    push(direct.active, active.ok);
    push(direct.standby, standby.ok);
    if (eip) push(viaEip, { ok: eip.ok, on: picture.eip.instanceId });
    const decision: Decision = decide({
      holder,
      elsewhere: picture.eip.instanceId ?? 'nothing',
      instances: {
        active: {
          ...picture.active,
          label: instanceLabel(picture.active),
          direct: direct.active,
        },
        standby: {
          ...picture.standby,
          label: instanceLabel(picture.standby),
          direct: direct.standby,
        },
      },
      viaEip,
      lastSwitchAt: lastSwitch,
      now: now(),
      settings: pair,
    });
    const checks = `active ${said(active)}, standby ${said(standby)}, eip ${eip ? said(eip) : 'not checked'}`;
    const time = new Date(now()).toISOString();
    if (decision.kind !== 'switch') {
      deps.line(
        `${time} ${deps.name}: ${decision.kind}: ${decision.reason} (${checks})`,
      );
      await record({
        kind: decision.kind,
        reason: decision.reason,
        eip: picture.eip.publicIp,
      });
    } else {
      const from = holder === undefined ? undefined : picture[holder];
      const to = picture[decision.to];
      const moving = `${picture.eip.publicIp} from ${from ? instanceLabel(from) : 'nothing'} to ${instanceLabel(to)}`;
      if (deps.dryRun) {
        deps.line(
          `${time} ${deps.name}: switch (dry run, nothing sent): would move ${moving}: ${decision.reason} (${checks})`,
        );
        await record({
          kind: 'switch',
          reason: decision.reason,
          eip: picture.eip.publicIp,
          to: to.id,
        });
        // A dry run holds its pretend switch, so it shows what the cooldown would do.
        lastSwitch = now();
      } else {
        deps.line(
          `${time} ${deps.name}: switch: moving ${moving}: ${decision.reason} (${checks})`,
        );
        const limitMs = pair.interval * pair.failures * 1000;
        const watchTarget = eipTarget(pair, picture.eip.publicIp, decision.to);
        try {
          // Not cancelled by a stop: a half-watched switch is still recorded.
          const timing = await timedSwitch(
            () => deps.move(picture.eip.allocationId, to.id),
            watchTarget
              ? { spec, target: watchTarget, timeoutMs, limitMs }
              : undefined,
            undefined,
            check,
          );
          switches++;
          lastSwitch = now();
          deps.line(
            `${new Date(now()).toISOString()} ${deps.name}: switched ${moving}: ${describeTiming(timing, limitMs)}`,
          );
          await record({
            kind: 'switch',
            reason: decision.reason,
            eip: picture.eip.publicIp,
            ...(from ? { from: from.id } : {}),
            to: to.id,
            callMillis: timing.callMillis,
            ...(timing.answeredMillis === undefined
              ? {}
              : { answeredMillis: timing.answeredMillis }),
          });
        } catch (error) {
          const reason = `the switch to ${instanceLabel(to)} failed: ${describeError(error)}`;
          deps.line(
            `${new Date(now()).toISOString()} ${deps.name}: error: ${reason}`,
          );
          await record({ kind: 'error', reason, eip: picture.eip.publicIp });
        }
      }
    }
    await sleep(Math.max(0, pair.interval * 1000 - (now() - started)), signal);
  }
  return { rounds, switches };
}
