/** Carries out a lock-SSH plan: every add first, then the removals, never the other way. */
import type { Outcome } from '../../../safety/write-outcome.js';
import type { WriteOptions } from '../types.js';
import type { LockSshPlan } from './lock-ssh.js';
import type { SecurityGroupService } from './types.js';

export async function runLockSsh(
  service: Pick<SecurityGroupService, 'authorize' | 'revoke'>,
  groupId: string,
  plan: LockSshPlan,
  options?: WriteOptions,
): Promise<Outcome<{ added: number; removed: number }>> {
  if (plan.add.length > 0) {
    const added = await service.authorize(groupId, plan.add, options);
    // A refused dry run of the adds is the answer; the removals would come after.
    if ('dryRun' in added && !added.dryRun.allowed) return added;
  }
  if (plan.remove.length > 0) {
    const removed = await service.revoke(groupId, plan.remove, options);
    if ('dryRun' in removed) return removed;
  }
  if (options?.dryRun === true) return { dryRun: { allowed: true } };
  return { result: { added: plan.add.length, removed: plan.remove.length } };
}
