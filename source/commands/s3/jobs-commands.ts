/**
 * `opsdeck s3 jobs ls|status|cancel`: copies handed to S3 Batch Operations
 * and DataSync, for scripts. Exit 0 done, 1 failed or refused, 2 usage.
 */
import { createIdentityReader } from '../../aws/identity.js';
import { createS3JobsService } from '../../aws/s3jobs/s3-jobs-service.js';
import type { CopyJob } from '../../aws/s3jobs/types.js';
import { describeError } from '../../lib/errors.js';
import { createWriteGuard } from '../../safety/read-only.js';
import { prepareStart, type CliOptions } from '../../session/start.js';
import { commandClientFactory } from '../../aws/command-factory.js';
import { describeCopyJob, jobProgress } from '../../panes/s3/s3-jobs-spec.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  jsonLine,
  type CommandIo,
} from '../command-io.js';

export type JobsOptions = CliOptions & {
  readonly json?: boolean;
  readonly yes?: boolean;
};

const FAILURE_ROWS = 10;

function jobJson(job: CopyJob) {
  return { ...job, created: job.created?.toISOString() };
}

export async function runJobsCommand(
  name: 'ls' | 'status' | 'cancel',
  id: string | undefined,
  options: JobsOptions,
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (name !== 'ls' && (id === undefined || id === '')) {
    io.err(
      `opsdeck s3 jobs ${name}: give a job ID or a DataSync execution ARN`,
    );
    return EXIT_USAGE;
  }
  const start = await prepareStart(options, env);
  for (const problem of start.config.problems) io.err(`opsdeck: ${problem}`);
  const { settings } = start;
  const factory = commandClientFactory(
    settings,
    start.config.config.aws.maxAttempts,
  );
  const identity = createIdentityReader(factory);
  const jobs = createS3JobsService({
    factory,
    guard: createWriteGuard(settings.readOnly, settings.readOnlyReason),
    handoff: start.config.config.handoff,
    accountId: async (signal) => (await identity.whoAmI(signal)).account,
  });
  try {
    if (name === 'ls') {
      const list = await jobs.list(io.signal);
      if (list.note !== undefined) io.err(`note: ${list.note}`);
      for (const job of list.jobs)
        io.out(
          options.json === true
            ? jsonLine(jobJson(job))
            : [job.engine, job.status, jobProgress(job), job.id, job.name].join(
                '\t',
              ),
        );
      return EXIT_OK;
    }
    const jobId = id ?? '';
    if (name === 'cancel') {
      if (settings.readOnly) {
        io.err(
          `opsdeck s3 jobs cancel: read-only (${settings.readOnlyReason}): nothing was sent`,
        );
        return EXIT_FAILED;
      }
      if (options.yes !== true) {
        if (!io.interactive) {
          io.err(
            'opsdeck s3 jobs cancel: pass --yes to cancel without a terminal',
          );
          return EXIT_USAGE;
        }
        if (
          !(await io.ask(
            `Cancel copy job ${jobId}? Objects copied so far stay.`,
          ))
        )
          return EXIT_FAILED;
      }
      const job = await jobs.cancel(jobId);
      io.out(
        options.json === true
          ? jsonLine(jobJson(job))
          : `${job.id}: ${job.status}`,
      );
      return EXIT_OK;
    }
    const job = await jobs.status(jobId, io.signal);
    const failures = await jobs.failures(job, FAILURE_ROWS, io.signal);
    if (options.json === true) {
      io.out(jsonLine({ ...jobJson(job), failureRows: failures }));
      return EXIT_OK;
    }
    for (const section of describeCopyJob(job, failures))
      for (const [label, value] of section.rows) io.out(`${label}: ${value}`);
    return job.phase === 'failed' ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    io.err(`opsdeck s3 jobs ${name}: ${describeError(error)}`);
    return EXIT_FAILED;
  } finally {
    factory.destroy();
  }
}
