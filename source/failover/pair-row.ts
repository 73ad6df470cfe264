/**
 * A failover pair as the console shows it, and the rules of a switch from
 * the console: where it goes, and why it is refused. Pure.
 */
import type { PairPicture } from '../aws/ec2/eip-pairs.js';
import type { FailoverPair } from '../config/failover-schema.js';
import { otherRole, type Role } from './decide.js';
import type { CheckOutcome } from './health-check.js';
import type { HistoryEntry } from './history.js';

export interface PairRow {
  readonly name: string;
  readonly pair: FailoverPair;
  readonly region: string;
  /** Undefined when the pair could not be read (see error). */
  readonly picture?: PairPicture;
  readonly holder?: Role | undefined;
  /** This load's checks; an instance without an address has none. */
  readonly checks: Partial<Record<Role | 'eip', CheckOutcome>>;
  readonly error?: string;
  /** This pair's history, newest last. */
  readonly history: readonly HistoryEntry[];
  readonly lastSwitch: HistoryEntry | undefined;
  readonly lastGuard: HistoryEntry | undefined;
}

/** The instance a switch moves the address to: the one not holding it. */
export function switchTarget(row: PairRow): Role {
  return row.holder === undefined ? 'active' : otherRole(row.holder);
}

/** Why the console refuses to switch now, or undefined when it may. */
export function switchRefusal(row: PairRow): string | undefined {
  if (!row.picture) return `${row.name}: ${row.error ?? 'not read yet'}`;
  const role = switchTarget(row);
  const target = row.picture[role];
  const label = `${role} ${target.name || target.id}`;
  if (target.state !== 'running')
    return `${label} is ${target.state}: the address would go to a machine that is not running`;
  const check = row.checks[role];
  if (!check) return `${label} has no address to check: not switching blind`;
  if (!check.ok)
    return `${label} is unhealthy (${check.detail}): not switching to it`;
  return undefined;
}

/** "running, ok 3 ms", "stopped, failed ECONNREFUSED". */
export function instanceHealth(row: PairRow, role: Role): string {
  const instance = row.picture?.[role];
  if (!instance) return '';
  const check = row.checks[role];
  const health = check
    ? check.ok
      ? `ok ${String(check.millis)} ms`
      : `failed ${check.detail}`
    : 'not checked';
  return `${instance.state}, ${health}`;
}

/** Whether the pair needs the operator's eye: holder failing or standby not ready. */
export function pairTrouble(row: PairRow): boolean {
  if (row.error !== undefined) return true;
  return row.checks.eip?.ok !== true || switchRefusal(row) !== undefined;
}
