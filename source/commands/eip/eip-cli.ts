/** `opsdeck eip failover|guard|claim`: Elastic IP failover for scripts, systemd and keepalived. */
import type { Command } from 'commander';
import type { CliOptions } from '../../session/start.js';

export function registerEipCommands(program: Command): void {
  const eip = program
    .command('eip')
    .description(
      'Elastic IP failover: failover, guard, claim (see the README for exit codes)',
    );
  const io = async (cancelOnInterrupt: boolean) => {
    const { processIo } = await import('../command-io.js');
    return processIo({ cancelOnInterrupt });
  };
  eip
    .command('failover')
    .argument('<eip>', 'public IPv4 address or allocation ID')
    .description(
      'move the address to INSTANCE in one step, timed until it answers the check there',
    )
    .requiredOption('--to <instance>', 'instance ID or Name')
    .option(
      '--check <check>',
      "check through the EIP: tcp:PORT or http:PORT[/path][=STATUS] (default: the pair's)",
    )
    .option(
      '--wait <seconds>',
      'longest wait for the EIP to answer the check (default 120)',
    )
    .option('-y, --yes', 'move without asking (needed without a terminal)')
    .option(
      '--dry-run',
      'ask EC2 whether the move would be allowed; change nothing',
    )
    .option('--json', 'machine-readable result')
    .action(async (address: string, options: object, command: Command) => {
      const { runEipFailover } = await import('./failover-command.js');
      process.exitCode = await runEipFailover(
        address,
        { ...command.optsWithGlobals<CliOptions>(), ...options },
        await io(true),
      );
    });
  eip
    .command('guard')
    .argument('<pair>', 'a pair of the config file (failover:)')
    .description(
      'check the pair every interval and switch after N failures seen directly and through the EIP',
    )
    .option('--dry-run', 'say what it would do, send no write')
    .action(async (pair: string, options: object, command: Command) => {
      const { runEipGuard } = await import('./guard-command.js');
      const { processIo } = await import('../command-io.js');
      // SIGTERM (systemd) and SIGINT end the loop between rounds.
      const stop = new AbortController();
      const base = processIo();
      const end = () => stop.abort();
      process.once('SIGTERM', end);
      process.once('SIGINT', end);
      try {
        process.exitCode = await runEipGuard(
          pair,
          { ...command.optsWithGlobals<CliOptions>(), ...options },
          { ...base, signal: stop.signal },
        );
      } finally {
        process.off('SIGTERM', end);
        process.off('SIGINT', end);
      }
    });
  eip
    .command('claim')
    .argument('<eip>', 'public IPv4 address or allocation ID')
    .description(
      "associate the address with this instance (keepalived's notify_master); idempotent",
    )
    .option(
      '--dry-run',
      'ask EC2 whether the claim would be allowed; change nothing',
    )
    .option('--json', 'machine-readable result')
    .action(async (address: string, options: object, command: Command) => {
      const { runEipClaim } = await import('./claim-command.js');
      process.exitCode = await runEipClaim(
        address,
        { ...command.optsWithGlobals<CliOptions>(), ...options },
        await io(false),
      );
    });
}
