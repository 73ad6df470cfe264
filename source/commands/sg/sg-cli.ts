/** `opsdeck sg ...`: security groups for scripts; the work loads on use. */
import type { Command } from 'commander';
import type { SgCommandName, SgCommandOptions } from './sg-command.js';

export function registerSgCommands(program: Command): void {
  const sg = program
    .command('sg')
    .description(
      'security groups for scripts: ls, allow, revoke, lock-ssh (GROUP is an ID or a name)',
    );
  const run =
    (name: SgCommandName) =>
    async (...received: unknown[]) => {
      const command = received.at(-1) as Command;
      const [{ runSgCommand }, { processIo }] = await Promise.all([
        import('./sg-command.js'),
        import('../command-io.js'),
      ]);
      process.exitCode = await runSgCommand(
        name,
        command.args,
        command.optsWithGlobals<SgCommandOptions>(),
        processIo({ cancelOnInterrupt: true }),
      );
    };
  const collect = (value: string, previous: string[] = []) => [
    ...previous,
    value,
  ];
  sg.command('ls')
    .description(
      'every group of the region: VPC, name, rules in/out, interfaces, flags',
    )
    .option('--json', 'one JSON object per group, with its rules')
    .action(run('ls'));
  sg.command('allow')
    .argument('<group>', 'group ID (sg-...) or name')
    .argument('<port>', '22, 8000-8100, ssh/mysql/https..., udp/53, icmp/8')
    .argument(
      '<source>',
      'CIDR (a bare address is /32), sg-... or name, pl-...',
    )
    .description('add an inbound rule')
    .option('--description <text>', "the rule's description")
    .option('--dry-run', 'ask EC2 whether it would be allowed; change nothing')
    .option('--json', 'machine-readable output')
    .action(run('allow'));
  sg.command('revoke')
    .argument('<group>', 'group ID (sg-...) or name')
    .argument('<port>', '22, 8000-8100, ssh/mysql/https..., udp/53, icmp/8')
    .argument('<source>', 'CIDR, sg-... or name, pl-...')
    .description(
      'remove an inbound rule; the last rule letting SSH in needs a typed confirmation',
    )
    .option('--yes', 'confirm without typing (for scripts)')
    .option('--dry-run', 'ask EC2 whether it would be allowed; change nothing')
    .option('--json', 'machine-readable output')
    .action(run('revoke'));
  sg.command('lock-ssh')
    .argument('<group>', 'group ID (sg-...) or name')
    .description(
      "replace SSH from anywhere with SSH from your session's address (or --to); adds before it removes",
    )
    .option('--to <cidr>', 'an address allowed SSH (repeatable)', collect)
    .option(
      '--this-host',
      "add this host's public address (instance metadata, else ec2.myIpUrl)",
    )
    .option('--yes', 'confirm the plan without asking (for scripts)')
    .option('--dry-run', 'ask EC2 whether it would be allowed; change nothing')
    .option('--json', 'machine-readable output')
    .action(run('lock-ssh'));
}
