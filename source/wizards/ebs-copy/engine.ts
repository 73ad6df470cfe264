/**
 * The region-copy wizard's engine, for the screens and the subcommand:
 * choices, pre-flight, plan, run and resume with progress events and
 * cancellation, the list of runs, the summary and the cleanup.
 */
import type { AwsClientFactory } from '../../aws/client-factory.js';
import { ec2Context } from '../../aws/ec2/ec2-errors.js';
import { UserError } from '../../lib/errors.js';
import type { SyncHooks, SyncResult } from '../../s3sync/sync-spec.js';
import { catchUpSync } from './bucket/catch-up.js';
import { checkRunAccount } from './checks/account-check.js';
import { cleanupLeftover, summarize } from './run/finish.js';
import type { JournalStore } from './run/journal.js';
import { buildPlan } from './plan.js';
import { DEFAULT_POLL, type PollSettings } from './run/poll.js';
import { runPreflight } from './checks/preflight.js';
import { runJournal, type RunOptions } from './run/runner.js';
import { newRunId } from './tags.js';
import { enabledRegions, zonesOf } from './checks/target-checks.js';
import { placementIn, type Placement } from './checks/target-placement.js';
import type { CopyRequest, Preflight, SourceFacts } from './types.js';
import type { Journal, PlanStep, RunListing, RunSummary } from './run-types.js';

export interface EbsCopyEngine {
  /** Enabled regions other than `except`, for the target picker. */
  regions(except: string): Promise<string[]>;
  zones(region: string): Promise<string[]>;
  /** Instances (to attach a volume to) and subnets (to launch in) of a target zone. */
  placement(region: string, az: string): Promise<Placement>;
  preflight(request: CopyRequest): Promise<Preflight>;
  plan(request: CopyRequest, facts: SourceFacts): PlanStep[];
  /** Writes the journal of a new run (state planned) after a clean pre-flight; nothing is created yet. */
  create(request: CopyRequest, preflight: Preflight): Promise<Journal>;
  /** Runs a planned run, or resumes an interrupted one; done steps are skipped. */
  run(runId: string, options?: RunOptions): Promise<RunSummary>;
  list(): Promise<RunListing[]>;
  /** The journal of a run, for a screen that shows where it stands. */
  load(runId: string): Promise<Journal>;
  /** Throws AccountMismatchError when the credentials are not the run's account. */
  checkAccount(runId: string): Promise<void>;
  summary(runId: string): Promise<RunSummary>;
  /** A finished bucket run: copies what the source gained since (only what differs). */
  catchUp(runId: string, hooks: SyncHooks): Promise<SyncResult>;
  /** Removes one leftover listed in the summary; ask the user first. */
  cleanup(runId: string, resourceId: string): Promise<RunSummary>;
}

export interface EngineDeps {
  readonly factory: AwsClientFactory;
  readonly journals: JournalStore;
  /** Poll interval and default wait timeout; tests shorten them. */
  readonly poll?: Partial<PollSettings>;
  readonly now?: () => Date;
}

export function createEbsCopyEngine(deps: EngineDeps): EbsCopyEngine {
  const now = deps.now ?? (() => new Date());
  const { factory, journals } = deps;
  return {
    async regions(except) {
      const client = await factory.ec2();
      const regions = await enabledRegions(client, (operation) =>
        ec2Context(factory, operation),
      );
      return [...regions]
        .filter(
          ([code, status]) => code !== except && status !== 'not-opted-in',
        )
        .map(([code]) => code)
        .sort();
    },
    async zones(region) {
      return zonesOf(
        await factory.ec2(region),
        (operation, target) => ec2Context(factory, operation, target, region),
        region,
      );
    },
    async placement(region, az) {
      return placementIn(
        await factory.ec2(region),
        (operation, target) => ec2Context(factory, operation, target, region),
        region,
        az,
      );
    },
    preflight: (request) => runPreflight(factory, request),
    plan: buildPlan,
    async create(request, preflight) {
      if (!preflight.ok || preflight.facts === undefined)
        throw new UserError('the pre-flight found blockers', {
          hint: 'fix them and run the pre-flight again',
        });
      const at = now();
      const journal: Journal = {
        version: 1,
        runId: newRunId(at),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        state: 'planned',
        ...(preflight.account === undefined
          ? {}
          : { account: preflight.account }),
        request,
        facts: preflight.facts,
        plan: buildPlan(request, preflight.facts),
        steps: {},
      };
      await journals.save(journal);
      return journal;
    },
    async run(runId, options) {
      const journal = await journals.load(runId);
      if (journal.state === 'done') return summarize(journal);
      // Refused before the first call, not at the first write.
      if (factory.guard?.readOnly === true)
        throw new UserError(`read-only: run ${runId} was not started`, {
          hint: factory.guard.reason,
        });
      await checkRunAccount(factory, journal);
      const minutes = journal.request.waitTimeoutMinutes;
      const poll: PollSettings = {
        ...DEFAULT_POLL,
        ...(minutes === undefined ? {} : { timeoutMs: minutes * 60_000 }),
        ...deps.poll,
      };
      return summarize(
        await runJournal({ factory, journals, poll, now }, journal, options),
      );
    },
    list: () => journals.list(),
    load: (runId) => journals.load(runId),
    checkAccount: async (runId) =>
      checkRunAccount(factory, await journals.load(runId)),
    summary: async (runId) => summarize(await journals.load(runId)),
    catchUp: (runId, hooks) => catchUpSync(factory, journals, runId, hooks),
    async cleanup(runId, resourceId) {
      await checkRunAccount(factory, await journals.load(runId), 'cleaned up');
      return cleanupLeftover(factory, journals, runId, resourceId);
    },
  };
}
