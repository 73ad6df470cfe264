/**
 * `opsdeck ebs-copy`: the wizard without the console. Progress goes to
 * stderr, the result to stdout (text or --json). Without a terminal nothing
 * is created unless --yes is given: the plan is printed instead.
 * Exit codes: 0 done (or plan shown), 1 refused or failed, 2 usage.
 */
import { commandClientFactory } from '../../aws/command-factory.js';
import { stateDir } from '../../config/paths.js';
import { describeError } from '../../lib/errors.js';
import { resolveBucketRegion } from '../../s3sync/copy/bucket-region.js';
import { prepareStart, type CliOptions } from '../../session/start.js';
import { processIo, UsageError, type CommandIo } from '../command-io.js';
import { requestFromFlags, type EbsCopyFlags } from './command-args.js';
import { withDefaultZone } from './default-zone.js';
import {
  printPlan,
  printRuns,
  printSummary,
  progressPrinter,
} from './command-output.js';
import { createEbsCopyEngine } from '../../wizards/ebs-copy/engine.js';
import {
  createJournalStore,
  journalDir,
} from '../../wizards/ebs-copy/run/journal.js';
import type { RunSummary } from '../../wizards/ebs-copy/run-types.js';

export interface EbsCopyOptions extends CliOptions, EbsCopyFlags {
  readonly yes?: boolean;
  readonly json?: boolean;
  readonly resume?: string;
  readonly list?: boolean;
  readonly cleanup?: string;
}

export async function runEbsCopy(
  options: EbsCopyOptions,
  io: CommandIo = processIo(),
): Promise<number> {
  const start = await prepareStart(options, process.env);
  for (const problem of start.config.problems) io.err(`opsdeck: ${problem}`);
  const { settings } = start;
  const factory = commandClientFactory(
    start.settings,
    start.config.config.aws.maxAttempts,
  );
  const engine = createEbsCopyEngine({
    factory,
    journals: createJournalStore(journalDir(stateDir(process.env))),
  });
  const stop = new AbortController();
  const cancel = () => stop.abort();
  process.once('SIGINT', cancel);
  const finish = (summary: RunSummary) => {
    printSummary(summary, options.json === true, io);
    return summary.state === 'done' ? 0 : 1;
  };
  // Each leftover is asked about in a terminal; --yes removes all of them.
  const cleanup = async (runId: string) => {
    let summary = await engine.summary(runId);
    for (const resource of summary.leftovers) {
      const label = `${resource.type} ${resource.id} in ${resource.region}`;
      if (
        options.yes !== true &&
        !(io.interactive && (await io.ask(`Remove ${label}?`)))
      )
        continue;
      summary = await engine.cleanup(runId, resource.id);
      io.err(`removed ${label}`);
    }
    printSummary(summary, options.json === true, io);
    return 0;
  };
  try {
    if (options.list === true) {
      printRuns(await engine.list(), options.json === true, io);
      return 0;
    }
    const run = (runId: string) =>
      engine
        .run(runId, { signal: stop.signal, onEvent: progressPrinter(io) })
        .then(finish);
    if (options.resume !== undefined) return await run(options.resume);
    if (options.cleanup !== undefined) return await cleanup(options.cleanup);
    let request;
    try {
      request = requestFromFlags(options, settings.region);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.err(`opsdeck ebs-copy: ${error.message}`);
      return 2;
    }
    // A bucket's region is found when not given: buckets are listed globally.
    if (request.source.kind === 'bucket' && options.sourceRegion === undefined)
      request = {
        ...request,
        source: {
          ...request.source,
          region: await resolveBucketRegion(
            factory,
            request.source.id,
            stop.signal,
          ),
        },
      };
    const zoned = await withDefaultZone(request, factory, engine);
    request = zoned.request;
    if (zoned.chosen)
      io.err(
        `zone ${zoned.chosen.zone}: ${zoned.chosen.why}; --az chooses another`,
      );
    const preflight = await engine.preflight(request);
    const plan =
      preflight.facts === undefined
        ? []
        : engine.plan(request, preflight.facts);
    printPlan(preflight, plan, options.json === true && !preflight.ok, io);
    if (!preflight.ok) return 1;
    if (factory.guard?.readOnly === true) {
      io.err(
        `opsdeck ebs-copy: read-only (${factory.guard.reason}): nothing created`,
      );
      return 1;
    }
    if (options.yes !== true) {
      if (!io.interactive) {
        io.err(
          'opsdeck ebs-copy: nothing created; add --yes to create these resources',
        );
        return 0;
      }
      if (!(await io.ask('Create these resources?'))) return 0;
    }
    const journal = await engine.create(request, preflight);
    io.err(
      `run ${journal.runId} (resume with: opsdeck ebs-copy --resume ${journal.runId})`,
    );
    return await run(journal.runId);
  } catch (error) {
    io.err(`opsdeck ebs-copy: ${describeError(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', cancel);
    factory.destroy();
  }
}
