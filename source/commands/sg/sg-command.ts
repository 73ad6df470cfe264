/**
 * `opsdeck sg <ls|allow|revoke|lock-ssh>`. Exit 0 when done, 1 when
 * something failed or was refused, 2 on usage errors. Read-only mode refuses
 * the writes before any call.
 */
import { commandClientFactory } from '../../aws/command-factory.js';
import { createSecurityGroupService } from '../../aws/ec2/security-groups/security-groups.js';
import { describeError, isAbortError, UserError } from '../../lib/errors.js';
import { prepareStart } from '../../session/start.js';
import {
  EXIT_FAILED,
  EXIT_USAGE,
  UsageError,
  type CommandIo,
} from '../command-io.js';
import { allowCommand, lsCommand, revokeCommand } from './rule-commands.js';
import { lockSshCommand } from './lock-ssh-command.js';
import type { SgCommandOptions, SgSession } from './sg-session.js';

export type { SgCommandOptions } from './sg-session.js';

export type SgCommandName = 'ls' | 'allow' | 'revoke' | 'lock-ssh';

const WRITES: ReadonlySet<SgCommandName> = new Set([
  'allow',
  'revoke',
  'lock-ssh',
]);

export async function runSgCommand(
  name: SgCommandName,
  args: readonly (string | undefined)[],
  options: SgCommandOptions,
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const start = await prepareStart(options, env);
  for (const problem of start.config.problems) io.err(`opsdeck: ${problem}`);
  const { settings } = start;
  if (WRITES.has(name) && settings.readOnly) {
    io.err(
      `opsdeck: read-only: sg ${name} was not run (${settings.readOnlyReason})`,
    );
    return EXIT_FAILED;
  }
  const factory = commandClientFactory(
    settings,
    start.config.config.aws.maxAttempts,
  );
  const session: SgSession = {
    service: createSecurityGroupService(factory),
    region: settings.region,
    env,
    myIpUrl: start.config.config.ec2.myIpUrl,
  };
  const [group = '', port = '', source = ''] = args;
  try {
    switch (name) {
      case 'ls':
        return await lsCommand(session, options, io);
      case 'allow':
        return await allowCommand(
          session,
          { group, port, source },
          options,
          io,
        );
      case 'revoke':
        return await revokeCommand(
          session,
          { group, port, source },
          options,
          io,
        );
      case 'lock-ssh':
        return await lockSshCommand(session, group, options, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`opsdeck: ${error.message}`);
      return EXIT_USAGE;
    }
    io.err(
      `opsdeck: ${isAbortError(error) ? 'cancelled' : describeError(error)}`,
    );
    // Bad input named by its field is a usage error, like commander's own.
    return error instanceof UserError &&
      /^(ports|source|protocol|to): /.test(error.message)
      ? EXIT_USAGE
      : EXIT_FAILED;
  } finally {
    factory.destroy();
  }
}
