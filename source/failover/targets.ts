/**
 * Where a pair's checks go: each instance's own address (private or public,
 * as configured) and the EIP itself. `checkTargets` in the config replaces
 * those addresses for tests and the lab, where the instances are not real
 * machines; the check through the EIP then goes to the target of whichever
 * instance holds the address, as the network would route it.
 */
import type { FailoverPair } from '../config/failover-schema.js';
import type { PairInstance, PairPicture } from '../aws/ec2/eip-pairs.js';
import type { Role } from './decide.js';
import type { CheckSpec, CheckTarget } from './health-check.js';

export function checkSpecOf(pair: FailoverPair): CheckSpec {
  const { http, tcp } = pair.check;
  if (http) return { kind: 'http', ...http };
  return { kind: 'tcp', port: tcp?.port ?? 0 };
}

function override(pair: FailoverPair, role: Role): CheckTarget | undefined {
  const value = pair.checkTargets?.[pair[role]];
  if (value === undefined) return undefined;
  const at = value.lastIndexOf(':');
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
}

/** The role whose instance holds the address, if either does. */
export function holderOf(picture: PairPicture): Role | undefined {
  if (picture.eip.instanceId === undefined) return undefined;
  if (picture.eip.instanceId === picture.active.id) return 'active';
  if (picture.eip.instanceId === picture.standby.id) return 'standby';
  return undefined;
}

export function directTarget(
  pair: FailoverPair,
  role: Role,
  instance: PairInstance,
): CheckTarget | undefined {
  const replaced = override(pair, role);
  if (replaced) return replaced;
  const host =
    pair.check.address === 'public' ? instance.publicIp : instance.privateIp;
  return host ? { host, port: checkSpecOf(pair).port } : undefined;
}

/** The check through the EIP when `holder` has it. */
export function eipTarget(
  pair: FailoverPair,
  publicIp: string,
  holder: Role | undefined,
): CheckTarget | undefined {
  if (holder === undefined) return undefined;
  if (pair.checkTargets !== undefined) return override(pair, holder);
  return { host: publicIp, port: checkSpecOf(pair).port };
}
