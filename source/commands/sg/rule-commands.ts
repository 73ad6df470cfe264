/** `opsdeck sg ls`, `sg allow GROUP PORT SOURCE`, `sg revoke GROUP PORT SOURCE`. */
import {
  parsePeer,
  parsePorts,
} from '../../aws/ec2/security-groups/rule-input.js';
import {
  coversTcpPort,
  peerText,
  portsText,
  sameRule,
} from '../../aws/ec2/security-groups/rules.js';
import type {
  RuleSpec,
  SecurityGroupRow,
} from '../../aws/ec2/security-groups/types.js';
import type { Outcome } from '../../safety/write-outcome.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import type { SgCommandOptions, SgSession } from './sg-session.js';

export const ruleText = (rule: RuleSpec): string =>
  `${rule.direction === 'in' ? 'in ' : 'out'} ${rule.protocol} ${portsText(rule)} ${rule.direction === 'in' ? 'from' : 'to'} ${peerText(rule.peer)}${rule.description === '' ? '' : `  "${rule.description}"`}`;

const ruleJson = (rule: RuleSpec) => ({
  direction: rule.direction,
  protocol: rule.protocol,
  fromPort: rule.fromPort,
  toPort: rule.toPort,
  source: peerText(rule.peer),
  description: rule.description,
});

export async function lsCommand(
  session: SgSession,
  options: SgCommandOptions,
  io: CommandIo,
): Promise<number> {
  const groups = await session.service.list(io.signal);
  for (const group of groups)
    io.out(
      options.json
        ? jsonLine({
            id: group.id,
            name: group.name,
            vpcId: group.vpcId,
            description: group.description,
            interfaces: group.interfaces,
            flags: group.flags,
            inbound: group.inbound.map(ruleJson),
            outbound: group.outbound.map(ruleJson),
          })
        : `${group.id.padEnd(20)}  ${(group.vpcId || '-').padEnd(21)}  ${group.name.padEnd(16)}  ${String(group.inbound.length).padStart(3)} in ${String(group.outbound.length).padStart(3)} out  ${String(group.interfaces).padStart(3)} eni  ${group.flags.join(' ') || '-'}  ${group.description}`,
    );
  if (!options.json && groups.length === 0)
    io.err(`no security groups in ${session.region}`);
  return EXIT_OK;
}

interface RuleArgs {
  readonly group: string;
  readonly port: string;
  readonly source: string;
}

/** PORT as "22", "8000-8100", "ssh", or with a protocol: "udp/53", "icmp/8", "all". */
function parsePortArgument(text: string) {
  const value = text.trim().toLowerCase();
  if (value === 'all') return parsePorts('', 'all');
  const prefixed = /^(tcp|udp|icmp|icmpv6)[/:](.*)$/.exec(value);
  return prefixed
    ? parsePorts(prefixed[2] ?? '', prefixed[1], 'ports')
    : parsePorts(value, 'tcp', 'ports');
}

/** The group and the inbound rule the arguments name; the input is checked before any call. */
async function ruleFrom(
  session: SgSession,
  args: RuleArgs,
  description: string,
  io: CommandIo,
): Promise<{ group: SecurityGroupRow; rule: RuleSpec }> {
  const ports = parsePortArgument(args.port);
  // A group named as the source needs the list; CIDRs are checked first.
  parsePeer(args.source, (name) => name);
  const groups = await session.service.list(io.signal);
  const group = await session.service.find(args.group, io.signal);
  const peer = parsePeer(
    args.source,
    (name) => groups.find((one) => one.name === name)?.id,
  );
  return {
    group,
    rule: { direction: 'in', ...ports, peer, description },
  };
}

function report<T>(
  outcome: Outcome<T>,
  what: string,
  options: SgCommandOptions,
  io: CommandIo,
  json: Record<string, unknown>,
): number {
  if ('dryRun' in outcome) {
    const { allowed, reason } = outcome.dryRun;
    io.out(
      options.json
        ? jsonLine({ ...json, dryRun: true, allowed, reason: reason ?? null })
        : `dry run: ${what} ${allowed ? 'would be allowed' : `would be refused: ${reason ?? 'not allowed'}`}; nothing was changed`,
    );
    return allowed ? EXIT_OK : EXIT_FAILED;
  }
  io.out(options.json ? jsonLine({ ...json, done: true }) : `${what}: done`);
  return EXIT_OK;
}

export async function allowCommand(
  session: SgSession,
  args: RuleArgs,
  options: SgCommandOptions,
  io: CommandIo,
): Promise<number> {
  const { group, rule } = await ruleFrom(
    session,
    args,
    options.description ?? '',
    io,
  );
  const outcome = await session.service.authorize(group.id, [rule], {
    dryRun: options.dryRun === true,
  });
  return report(
    outcome,
    `allow ${ruleText(rule).slice(4)} on ${group.id} (${group.name})`,
    options,
    io,
    {
      group: group.id,
      added: ruleJson(rule),
    },
  );
}

export async function revokeCommand(
  session: SgSession,
  args: RuleArgs,
  options: SgCommandOptions,
  io: CommandIo,
): Promise<number> {
  const { group, rule } = await ruleFrom(session, args, '', io);
  const existing = group.inbound.find((one) => sameRule(one, rule));
  if (!existing) {
    io.err(
      `opsdeck: ${group.id} (${group.name}) has no inbound rule ${ruleText(rule).slice(4)}`,
    );
    return EXIT_FAILED;
  }
  const sshLeft = group.inbound.filter(
    (one) => one !== existing && coversTcpPort(one, 22),
  );
  if (coversTcpPort(existing, 22) && sshLeft.length === 0 && !options.yes) {
    io.err(
      `${ruleText(existing)} is the last rule of ${group.id} (${group.name}) that lets SSH in: without it nobody can reach its instances over SSH.`,
    );
    if (!io.interactive) {
      io.err(
        'opsdeck: this needs a typed confirmation; without a terminal pass --yes to confirm.',
      );
      return EXIT_USAGE;
    }
    const typed = await io.prompt(
      `Type the group ID (${group.id}) to confirm: `,
    );
    if (typed.trim() !== group.id) {
      io.err('opsdeck: the ID did not match; nothing was removed.');
      return EXIT_FAILED;
    }
  }
  const outcome = await session.service.revoke(group.id, [existing], {
    dryRun: options.dryRun === true,
  });
  return report(
    outcome,
    `revoke ${ruleText(existing).slice(4)} on ${group.id} (${group.name})`,
    options,
    io,
    {
      group: group.id,
      removed: ruleJson(existing),
    },
  );
}
