/**
 * `opsdeck s3 sync s3://a s3://b` and AWS's own engines: the offer a large
 * plan prints, and `--handoff batch|datasync`, which plans, then creates a
 * Batch Operations job or a DataSync task instead of copying.
 */
import type { CopyJob, HandoffEngine } from '../../aws/s3jobs/types.js';
import { roleArnProblem } from '../../config/handoff-defaults.js';
import { checkLocationBucket } from '../../aws/s3/bucket-names.js';
import { UserError } from '../../lib/errors.js';
import {
  batchConfirm,
  dataSyncConfirm,
} from '../../panes/s3/handoff-dialogs.js';
import { copyFits } from '../../s3sync/handoff/copy-handoff.js';
import {
  batchRequest,
  configuredRole,
  dataSyncRequest,
  defaultReportBucket,
  handoffCaveats,
  roleSetting,
} from '../../s3sync/handoff/handoff-requests.js';
import type { SyncHooks, SyncSpec } from '../../s3sync/sync-spec.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  UsageError,
  jsonLine,
  type CommandIo,
} from '../command-io.js';
import type { CopyOptions } from './bucket-sync-command.js';
import { decideForCopy, planBucketCopy } from './bucket-copy-plan.js';
import type { S3Session } from './s3-session.js';

export interface HandoffOptions {
  readonly handoff?: string;
  readonly roleArn?: string;
  readonly reportBucket?: string;
  readonly yes?: boolean;
  readonly json?: boolean;
}

const ENGINES: readonly HandoffEngine[] = ['batch', 'datasync'];

/** --handoff's engine, checked with the flags it needs before any call. */
export function handoffEngine(
  options: HandoffOptions,
): HandoffEngine | undefined {
  const { handoff, roleArn, reportBucket } = options;
  if (handoff === undefined) {
    if (roleArn !== undefined || reportBucket !== undefined)
      throw new UsageError('--role-arn and --report-bucket go with --handoff');
    return undefined;
  }
  const engine = ENGINES.find((name) => name === handoff);
  if (engine === undefined)
    throw new UsageError(`--handoff ${handoff} is not one of batch, datasync`);
  const problem =
    roleArn === undefined ? undefined : roleArnProblem(roleArn.trim());
  if (problem !== undefined) throw new UsageError(`--role-arn: ${problem}`);
  if (reportBucket !== undefined) checkLocationBucket(reportBucket);
  return engine;
}

function jobJson(job: CopyJob) {
  return { ...job, created: job.created?.toISOString() };
}

/** --handoff: plan, check, confirm, create; nothing is copied through opsdeck. */
export async function handoffCommand(
  session: S3Session,
  engine: HandoffEngine,
  spec: SyncSpec,
  copy: CopyOptions,
  options: HandoffOptions,
  io: CommandIo,
  hooks: SyncHooks,
): Promise<number> {
  const title = engine === 'batch' ? 'Batch Operations job' : 'DataSync task';
  const dryRun = spec.dryRun === true;
  // Refused before the plan, the probe and the manifest: every call.
  if (session.readOnly.readOnly && !dryRun)
    throw new UserError(`read-only: the ${title} was not created`, {
      hint: `${session.readOnly.reason}; --dryrun shows the plan and the offers`,
    });
  const role =
    options.roleArn?.trim() ?? configuredRole(engine, session.handoff);
  if (role === undefined)
    throw new UsageError(
      `--handoff ${engine} needs the IAM role it acts as: --role-arn, or ${roleSetting(engine)} in config.yaml`,
    );
  if (options.yes !== true && !io.interactive && !dryRun)
    throw new UsageError(
      `--handoff creates a ${title}: pass --yes to confirm without a terminal`,
    );
  const { result, bucketCopy } = await planBucketCopy(
    session,
    spec,
    copy,
    hooks,
  );
  if (bucketCopy === undefined) {
    io.err(`opsdeck: the plan did not finish; no ${title} was created`);
    return EXIT_FAILED;
  }
  if (result.planned.copy === 0) {
    io.out(`nothing to copy: no ${title} was created`);
    return EXIT_OK;
  }
  const fits = copyFits(bucketCopy.places, bucketCopy.planned)[engine];
  if (!fits.allowed)
    throw new UserError(`the ${title} cannot make this copy: ${fits.why}`);
  const decision = await decideForCopy(session, bucketCopy, io.signal, true);
  const offer = decision?.offers.find(
    (candidate) => candidate.engine === engine,
  );
  if (offer !== undefined && !offer.allowed && options.roleArn === undefined)
    throw new UserError(`the ${title} is not available: ${offer.reason}`);
  const caveats = handoffCaveats(engine, spec, bucketCopy.deletes);
  const batch =
    engine === 'batch'
      ? batchRequest(bucketCopy.places, bucketCopy.totals, bucketCopy.planned, {
          roleArn: role,
          reportBucket:
            options.reportBucket ??
            defaultReportBucket(bucketCopy.places, session.handoff),
          priority: session.handoff.priority,
        })
      : undefined;
  const dataSync =
    engine === 'datasync'
      ? dataSyncRequest(bucketCopy.places, bucketCopy.totals, role)
      : undefined;
  const confirm = batch
    ? batchConfirm(batch, offer, caveats)
    : dataSync
      ? dataSyncConfirm(dataSync, offer, caveats)
      : undefined;
  if (!confirm) return EXIT_FAILED;
  if (!options.json) {
    if (decision !== undefined && !decision.large)
      io.err(`note: ${decision.why}; handing it over as asked`);
    for (const line of confirm.targets) io.err(line);
    for (const caveat of caveats) io.err(`warning: ${caveat}`);
  }
  if (dryRun) {
    io.out(
      options.json
        ? jsonLine({
            handoff: engine,
            dryRun: true,
            would: confirm.targets,
            caveats,
          })
        : `(dryrun) nothing was created; without --dryrun: ${confirm.title}`,
    );
    return EXIT_OK;
  }
  if (options.yes !== true && !(await io.ask(`${confirm.title}?`)))
    return EXIT_FAILED;
  const jobs = await session.jobs();
  const job = batch
    ? await jobs.createBatchCopy(batch)
    : dataSync
      ? await jobs.createDataSyncCopy(dataSync)
      : undefined;
  if (job === undefined) return EXIT_FAILED;
  io.out(
    options.json
      ? jsonLine({ handoff: engine, job: jobJson(job), caveats })
      : `${title} created: ${job.id} (${job.status}); follow it with: opsdeck s3 jobs status ${job.id}`,
  );
  return EXIT_OK;
}
