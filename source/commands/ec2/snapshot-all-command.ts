/**
 * `opsdeck ec2 snapshot-all`: snapshots for cron. Read-only mode is refused
 * before any call (a dry run only reads, so it runs). With --self the instance
 * comes from the instance metadata, and so does the region when nothing else
 * names one. Exit codes: 0 done, 1 something failed (the report says what was
 * done), 2 usage.
 */
import { InstanceMetadata } from '../../aws/ec2/instance-metadata.js';
import { snapshotAll } from '../../aws/ec2/snapshot-all/snapshot-all.js';
import { commandClientFactory } from '../../aws/command-factory.js';
import { describeError, UserError } from '../../lib/errors.js';
import { prepareStart, type CliOptions } from '../../session/start.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  type CommandIo,
} from '../command-io.js';
import { checkFlags, type SnapshotAllFlags } from './snapshot-all-args.js';
import { prepareConsistency } from './snapshot-all-consistency.js';
import { printReport, waitPrinter } from './snapshot-all-output.js';

export interface SnapshotAllOptions extends CliOptions, SnapshotAllFlags {}

export async function runSnapshotAll(
  instance: string | undefined,
  options: SnapshotAllOptions,
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const fail = (error: unknown) => {
    io.err(`opsdeck ec2 snapshot-all: ${describeError(error)}`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILED;
  };
  let flags;
  try {
    flags = checkFlags(instance, options);
  } catch (error) {
    return fail(error);
  }
  let start = await prepareStart(options, env);
  for (const problem of start.config.problems) io.err(`opsdeck: ${problem}`);
  const dryRun = options.dryRun === true;
  if (start.settings.readOnly && !dryRun) {
    io.err(
      `opsdeck ec2 snapshot-all: read-only: nothing was sent (${start.settings.readOnlyReason})`,
    );
    return EXIT_FAILED;
  }
  let selfId: string | undefined;
  const metadata = new InstanceMetadata({ env });
  if (flags.self) {
    try {
      selfId = await metadata.instanceId();
      if (!regionNamed(options, env, start))
        start = await prepareStart(
          { ...options, region: await metadata.region() },
          env,
        );
    } catch (error) {
      return fail(error);
    }
  }
  let consistency;
  try {
    consistency = await prepareConsistency(flags, start, metadata, io, env);
  } catch (error) {
    return fail(error);
  }
  const factory = commandClientFactory(
    start.settings,
    start.config.config.aws.maxAttempts,
  );
  try {
    const report = await snapshotAll(factory, flags.request(selfId), {
      signal: io.signal,
      onWait: waitPrinter(io),
      ...(consistency.around === undefined
        ? {}
        : { around: consistency.around }),
    });
    printReport(report, consistency.notes, options.json === true, io);
    return report.failures.length === 0 ? EXIT_OK : EXIT_FAILED;
  } catch (error) {
    if (
      selfId !== undefined &&
      describeError(error).startsWith(`no instance ${selfId} `)
    )
      return fail(
        new UserError(
          `--self: the instance metadata says this is ${selfId}, which ${start.settings.region} does not have for this profile`,
          {
            hint: 'is this the right account (--profile) and region (--region)?',
          },
        ),
      );
    return fail(error);
  } finally {
    factory.destroy();
    await consistency.close();
  }
}

/** Whether --region, the environment or the profile names a region (else the instance's is used). */
function regionNamed(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  start: Awaited<ReturnType<typeof prepareStart>>,
): boolean {
  return (
    options.region !== undefined ||
    Boolean(env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION']) ||
    start.inputs.awsRegionOf(start.settings.profile) !== undefined
  );
}
