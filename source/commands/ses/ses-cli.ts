/** `opsdeck ses ...`: Amazon SES for servers that send mail; the work loads on use. */
import type { Command } from 'commander';
import type { CliOptions } from '../../session/start.js';

export function registerSesCommands(program: Command): void {
  const ses = program
    .command('ses')
    .description('Amazon SES for servers that send mail: smtp-credentials');
  ses
    .command('smtp-credentials')
    .description(
      "print the SES SMTP user, password (derived for the region from the profile's key) and endpoint",
    )
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }, command: Command) => {
      const [{ runSmtpCredentials }, { processIo }] = await Promise.all([
        import('./smtp-credentials-command.js'),
        import('../command-io.js'),
      ]);
      process.exitCode = await runSmtpCredentials(
        { ...command.optsWithGlobals<CliOptions>(), ...options },
        processIo(),
      );
    });
}
