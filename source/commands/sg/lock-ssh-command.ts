/**
 * `opsdeck sg lock-ssh GROUP [--to CIDR ...] [--this-host]`: SSH from the
 * named addresses (by default the one this SSH session came from) instead of
 * from anywhere. The plan is printed, then confirmed (--yes in scripts).
 */
import { parseCidr } from '../../aws/ec2/security-groups/cidr.js';
import {
  isEmptyPlan,
  planLockSsh,
  type SshAddress,
} from '../../aws/ec2/security-groups/lock-ssh.js';
import { runLockSsh } from '../../aws/ec2/security-groups/lock-ssh-run.js';
import {
  metadataAddress,
  sessionAddress,
  urlAddress,
} from '../../aws/ec2/security-groups/my-address.js';
import { UserError } from '../../lib/errors.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import { ruleText } from './rule-commands.js';
import type { SgCommandOptions, SgSession } from './sg-session.js';

async function addresses(
  session: SgSession,
  options: SgCommandOptions,
): Promise<SshAddress[]> {
  const chosen: SshAddress[] = (options.to ?? []).map((text) => ({
    cidr: parseCidr(text, 'to'),
    label: 'named with --to',
  }));
  const own = sessionAddress(session.env);
  if (chosen.length === 0 && own !== undefined)
    chosen.push({ cidr: own, label: 'your SSH session' });
  if (options.thisHost === true) {
    const host =
      (await metadataAddress(session.env)) ??
      (session.myIpUrl === undefined
        ? undefined
        : await urlAddress(session.myIpUrl));
    if (host === undefined)
      throw new UserError(
        '--this-host: not on EC2 (no instance metadata) and no ec2.myIpUrl in the config',
        { hint: 'name the address with --to' },
      );
    chosen.push({ cidr: host, label: 'this host' });
  }
  if (chosen.length === 0)
    throw new UsageError(
      'not in an SSH session, so there is no address to keep: name it with --to CIDR (or --this-host)',
    );
  return chosen;
}

export async function lockSshCommand(
  session: SgSession,
  groupName: string,
  options: SgCommandOptions,
  io: CommandIo,
): Promise<number> {
  const chosen = await addresses(session, options);
  const group = await session.service.find(groupName, io.signal);
  const plan = planLockSsh(group, chosen);
  const instances = await session.service.instances(group.id, io.signal);
  io.err(`lock-ssh ${group.id} (${group.name}):`);
  for (const rule of plan.add) io.err(`  + ${ruleText(rule)}`);
  for (const rule of plan.remove) io.err(`  - ${ruleText(rule)}`);
  for (const rule of plan.kept) io.err(`  = ${ruleText(rule)} (already there)`);
  io.err(
    `  instances affected: ${instances.map((one) => one.name || one.id).join(', ') || 'none'}`,
  );
  for (const warning of plan.warnings) io.err(`  note: ${warning}`);
  if (isEmptyPlan(plan)) {
    io.out(
      options.json
        ? jsonLine({ group: group.id, added: 0, removed: 0 })
        : 'lock-ssh: nothing to change',
    );
    return EXIT_OK;
  }
  if (!options.yes && options.dryRun !== true) {
    if (!io.interactive) {
      io.err(
        'opsdeck: lock-ssh needs a confirmation; without a terminal pass --yes to confirm.',
      );
      return EXIT_USAGE;
    }
    const own = sessionAddress(session.env);
    // Without this session's own address in the plan, the operator may be locking themselves out.
    const safe = own !== undefined && chosen.some((one) => one.cidr === own);
    const confirmed = safe
      ? await io.ask('Apply this plan?')
      : (
          await io.prompt(
            `Your session's address is not in the plan. Type the group ID (${group.id}) to confirm: `,
          )
        ).trim() === group.id;
    if (!confirmed) {
      io.err('opsdeck: not confirmed; nothing was changed.');
      return EXIT_FAILED;
    }
  }
  const outcome = await runLockSsh(session.service, group.id, plan, {
    dryRun: options.dryRun === true,
  });
  if ('dryRun' in outcome) {
    const { allowed, reason } = outcome.dryRun;
    io.out(
      options.json
        ? jsonLine({
            group: group.id,
            dryRun: true,
            allowed,
            reason: reason ?? null,
          })
        : `dry run: lock-ssh ${allowed ? 'would be allowed' : `would be refused: ${reason ?? 'not allowed'}`}; nothing was changed`,
    );
    return allowed ? EXIT_OK : EXIT_FAILED;
  }
  io.out(
    options.json
      ? jsonLine({
          group: group.id,
          ...outcome.result,
          sources: chosen.map((one) => one.cidr),
        })
      : `lock-ssh: SSH to ${group.id} (${group.name}) now only from ${chosen.map((one) => one.cidr).join(', ')} (and any other non-world rules)`,
  );
  return EXIT_OK;
}
