/**
 * The guard's decision, pure: from the recent checks of both instances
 * (directly and through the EIP), their states, the last switch and the
 * pair's settings, whether to stay, switch, or refuse a switch and why.
 * Everything that could make a switch-over "run mad" is refused here:
 * one check path failing alone, a flapping check, a standby that is down
 * or stopped, a second switch within the cooldown.
 */

export type Role = 'active' | 'standby';

export interface InstanceView {
  readonly id: string;
  /** Name and ID, for the reason. */
  readonly label: string;
  /** EC2 state: running, stopped, ... */
  readonly state: string;
  /** Direct checks on the instance's own address, oldest first. */
  readonly direct: readonly boolean[];
}

export interface EipCheck {
  readonly ok: boolean;
  /** The instance the address was on when it was checked. */
  readonly on: string | undefined;
}

export interface DecisionInput {
  /** Which of the pair holds the EIP; undefined when neither does. */
  readonly holder: Role | undefined;
  /** What holds it otherwise ("i-0abc" or "nothing"), for the reason. */
  readonly elsewhere?: string;
  readonly instances: Readonly<Record<Role, InstanceView>>;
  /** Checks through the EIP, oldest first. */
  readonly viaEip: readonly EipCheck[];
  /** Epoch ms of the last switch of this pair (by anyone), if known. */
  readonly lastSwitchAt: number | undefined;
  readonly now: number;
  readonly settings: { readonly failures: number; readonly cooldown: number };
}

export type Decision =
  | { readonly kind: 'stay'; readonly reason: string }
  | { readonly kind: 'switch'; readonly to: Role; readonly reason: string }
  | { readonly kind: 'refuse'; readonly reason: string };

/** Failures at the end of a list of results, newest last. */
function trailingFailures(results: readonly boolean[]): number {
  let count = 0;
  for (let index = results.length - 1; index >= 0 && !results[index]; index--)
    count++;
  return count;
}

export const otherRole = (role: Role): Role =>
  role === 'active' ? 'standby' : 'active';

export function decide(input: DecisionInput): Decision {
  const { holder, settings } = input;
  const needed = settings.failures;
  if (holder === undefined)
    return {
      kind: 'refuse',
      reason: `the EIP is on ${input.elsewhere ?? 'nothing'}, not on either instance of the pair: not touching it`,
    };
  const current = input.instances[holder];
  const target = otherRole(holder);
  const next = input.instances[target];
  // Only checks made while the address was on the current holder count.
  const viaEip = input.viaEip
    .filter((check) => check.on === current.id)
    .map((check) => check.ok);
  const directFails = trailingFailures(current.direct);
  const eipFails = trailingFailures(viaEip);
  const of = (count: number) =>
    count >= needed
      ? `${String(count)} in a row`
      : `${String(count)} of ${String(needed)}`;

  if (current.direct.length === 0 && viaEip.length === 0)
    return { kind: 'stay', reason: `${current.label}: no checks yet` };
  if (directFails < needed || eipFails < needed) {
    if (directFails === 0 && eipFails === 0) {
      const window = [...current.direct, ...viaEip].slice(-2 * needed);
      return window.includes(false)
        ? {
            kind: 'stay',
            reason: `${current.label} answers again after failed checks (not in a row: no switch)`,
          }
        : { kind: 'stay', reason: `${current.label} healthy` };
    }
    if (eipFails === 0)
      return {
        kind: 'stay',
        reason: `${current.label} fails directly (${of(directFails)}) but answers through the EIP`,
      };
    if (directFails === 0)
      return {
        kind: 'stay',
        reason: `${current.label} answers directly but not through the EIP (${of(eipFails)})`,
      };
    return {
      kind: 'stay',
      reason: `${current.label} failing: ${of(directFails)} directly, ${of(eipFails)} through the EIP`,
    };
  }

  const down = `${current.label} failed ${String(needed)} checks in a row directly and through the EIP`;
  if (next.state !== 'running')
    return {
      kind: 'refuse',
      reason: `${down}; ${target} ${next.label} is ${next.state}: not switching`,
    };
  const recent = next.direct.slice(-needed);
  const failed = recent.filter((ok) => !ok).length;
  if (recent.length < needed || failed > 0)
    return {
      kind: 'refuse',
      reason: `${down}; ${target} ${next.label} is not healthy (${recent.length < needed ? `${String(recent.length)} checks so far` : `failed ${String(failed)} of its last ${String(needed)} checks`}): not switching`,
    };
  if (input.lastSwitchAt !== undefined) {
    const since = Math.max(0, (input.now - input.lastSwitchAt) / 1000);
    if (since < settings.cooldown)
      return {
        kind: 'refuse',
        reason: `${down}; cooldown: the last switch was ${String(Math.round(since))} s ago, ${String(Math.ceil(settings.cooldown - since))} s left`,
      };
  }
  return {
    kind: 'switch',
    to: target,
    reason: `${down}; ${target} ${next.label} is healthy`,
  };
}
