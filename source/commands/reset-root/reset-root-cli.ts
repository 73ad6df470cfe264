/** `opsdeck reset-root`: the root-password reset's flags; the engine loads on use. */
import type { Command } from 'commander';
import type { CliOptions } from '../../session/start.js';

export function registerResetRootCommand(program: Command): void {
  program
    .command('reset-root')
    .description(
      "reset a lost MySQL/MariaDB root password on a connection's host over SSH",
    )
    .argument('<connection>', 'a MySQL connection profile (mysql.connections)')
    .option(
      '--method <method>',
      'session, init-file or skip-grant-tables (default: the least invasive)',
    )
    .option('--account <user@host>', 'the account (default root@localhost)')
    .option(
      '--no-socket-login',
      'remove unix_socket from the account (MariaDB)',
    )
    .option(
      '--password-stdin',
      'read the new password from the first stdin line',
    )
    .option(
      '--sudo-password-stdin',
      'read the sudo password from the next line',
    )
    .option('--detect', 'show what was found and change nothing')
    .option('-y, --yes', 'run without asking (needed without a terminal)')
    .option('--json', 'machine-readable result')
    .action(async (connection: string, options: object, command: Command) => {
      const { runResetRoot } = await import('./command.js');
      process.exitCode = await runResetRoot(connection, {
        ...command.optsWithGlobals<CliOptions>(),
        ...options,
      });
    });
}
