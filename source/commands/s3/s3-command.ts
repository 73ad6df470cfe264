/**
 * `opsdeck s3 <ls|mb|rb|get|put|sync>`: for scripts, cron and benchmarks.
 * Exit 0 when everything was done, 1 when anything failed, 2 on usage errors.
 */
import { describeError, isAbortError } from '../../lib/errors.js';
import type { FilterRule } from '../../s3sync/plan/filters.js';
import type { CliOptions } from '../../session/start.js';
import { lsCommand, mbCommand, rbCommand } from './bucket-commands.js';
import {
  EXIT_FAILED,
  EXIT_USAGE,
  UsageError,
  type CommandIo,
} from '../command-io.js';
import { openS3Session } from './s3-session.js';
import { abortmpCommand, multipartCommand } from './upload-commands.js';
import { getCommand, putCommand } from './object-commands.js';
import { syncCommand, type TransferOptions } from './transfer-commands.js';

export type S3CommandName =
  'ls' | 'mb' | 'rb' | 'get' | 'put' | 'sync' | 'multipart' | 'abortmp';

export type S3CommandOptions = CliOptions &
  TransferOptions & {
    recursive?: boolean;
    force?: boolean;
    yes?: boolean;
    olderThan?: number;
    /** --exclude and --include collect into one ordered list. */
    exclude?: readonly FilterRule[];
    include?: readonly FilterRule[];
  };

export async function runS3Command(
  name: S3CommandName,
  args: readonly (string | undefined)[],
  options: S3CommandOptions,
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const session = await openS3Session(options, env);
  for (const problem of session.problems) io.err(`opsdeck: ${problem}`);
  const [first, second] = args;
  options = {
    ...options,
    filters: options.filters ?? options.exclude ?? options.include ?? [],
  };
  try {
    switch (name) {
      case 'ls':
        return await lsCommand(session, first, options, io);
      case 'mb':
        return await mbCommand(session, first ?? '', options, io);
      case 'rb':
        return await rbCommand(session, first ?? '', options, io);
      case 'get':
        return await getCommand(
          session,
          first ?? '',
          second ?? '.',
          options,
          io,
        );
      case 'put':
        return await putCommand(
          session,
          first ?? '',
          second ?? '',
          options,
          io,
        );
      case 'multipart':
        return await multipartCommand(session, first ?? '', options, io);
      case 'abortmp':
        return await abortmpCommand(session, first ?? '', options, io);
      case 'sync':
        return await syncCommand(
          session,
          first ?? '',
          second ?? '',
          options,
          io,
        );
    }
  } catch (error) {
    io.progress?.(undefined);
    if (error instanceof UsageError) {
      io.err(`opsdeck: ${error.message}`);
      return EXIT_USAGE;
    }
    io.err(
      `opsdeck: ${isAbortError(error) ? 'cancelled' : describeError(error)}`,
    );
    return EXIT_FAILED;
  } finally {
    session.close();
  }
}
