/**
 * A region-copy engine in memory, for the wizard's screens: regions, zones,
 * a pre-flight whose problems a test sets, a plan, and runs that a test
 * drives step by step (progress, failure, cancellation). No network.
 */
import { accountMismatch } from '../../../source/wizards/ebs-copy/checks/account-check.js';
import type { EbsCopyEngine } from '../../../source/wizards/ebs-copy/engine.js';
import type { RunOptions } from '../../../source/wizards/ebs-copy/run/runner.js';
import { buildPlan } from '../../../source/wizards/ebs-copy/plan.js';
import { targetBucketName } from '../../../source/wizards/ebs-copy/bucket/bucket-plan.js';
import type { SyncResult } from '../../../source/s3sync/sync-spec.js';
import type {
  BucketFacts,
  CopyRequest,
  Problem,
  SourceFacts,
} from '../../../source/wizards/ebs-copy/types.js';
import type {
  CreatedResource,
  Journal,
  PlanStep,
  RunEvent,
  RunSummary,
} from '../../../source/wizards/ebs-copy/run-types.js';

export interface FakeEbsCopy extends EbsCopyEngine {
  /** Problems the next pre-flights find. */
  problems: Problem[];
  /** Runs wait here before each step until a test lets them go on. */
  gate: 'open' | 'closed';
  /** Lets a waiting step go on. */
  release(): void;
  /** The step at which runs fail, with this message. */
  failAt: { step: string; message: string } | undefined;
  /** The account of the credentials in use; runs record it when created. */
  account: string;
  readonly journals: Map<string, Journal>;
  readonly calls: string[];
  /** Every request the pre-flight was given. */
  readonly requests: CopyRequest[];
  /** What a bucket source's pre-flight finds. */
  bucket: BucketFacts;
}

/** A bucket with tags, a lifecycle rule and a policy, and 1,200 objects. */
export const FAKE_BUCKET: BucketFacts = {
  configuration: {
    versioning: 'Enabled',
    lifecycle: [{ ID: 'expire-logs', Status: 'Enabled' }],
    tags: [{ Key: 'team', Value: 'web' }],
    policy: JSON.stringify({
      Statement: [{ Resource: 'arn:aws:s3:::opsdeck-lab-logs/*' }],
    }),
  },
  items: ['versioning', 'lifecycle', 'tags', 'policy'],
  objects: 1200,
  bytes: 5 * 2 ** 20,
  copyRequests: 1200,
  listRequests: 2,
};

function abortError(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

export function createFakeEbsCopy(): FakeEbsCopy {
  const journals = new Map<string, Journal>();
  const waiting = new Set<() => void>();
  let counter = 0;
  const summarize = (journal: Journal): RunSummary => {
    const created = Object.values(journal.steps).flatMap((s) => s.created);
    const live = created.filter((r) => r.cleanedUp !== true);
    return {
      runId: journal.runId,
      state: journal.state,
      target: live.filter((r) => r.region === journal.request.target.region),
      leftovers:
        journal.state === 'done' ? live.filter((r) => r.intermediate) : [],
      notes: [],
      ...(journal.request.source.kind === 'bucket' && journal.state === 'done'
        ? {
            catchUp: {
              source: journal.request.source.id,
              target: targetBucketName(journal.request),
            },
          }
        : {}),
    };
  };
  const save = (journal: Journal) => journals.set(journal.runId, journal);
  const load = (runId: string) => {
    const journal = journals.get(runId);
    if (!journal) throw new Error(`no run ${runId}`);
    return journal;
  };
  const wait = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (fake.gate === 'open') return resolve();
      const go = () => (waiting.delete(go), resolve());
      waiting.add(go);
      signal.addEventListener('abort', () => {
        waiting.delete(go);
        reject(abortError());
      });
    });

  const fake: FakeEbsCopy = {
    problems: [],
    account: '111111111111',
    gate: 'open',
    failAt: undefined,
    journals,
    calls: [],
    requests: [],
    bucket: FAKE_BUCKET,
    release() {
      for (const go of [...waiting]) go();
    },
    regions: (except) =>
      Promise.resolve(
        ['eu-west-1', 'us-east-1', 'us-west-2'].filter((r) => r !== except),
      ),
    zones: (region) => Promise.resolve([`${region}a`, `${region}b`]),
    placement(region, az) {
      fake.calls.push(`placement ${region} ${az}`);
      return Promise.resolve({
        instances: [
          {
            id: 'i-0bbb0000000000002',
            name: 'db-2',
            state: 'running',
            devices: ['/dev/xvda', '/dev/sdf'],
          },
        ],
        subnets: [
          {
            id: 'subnet-0ccc00000000003',
            name: 'app-a',
            cidr: '10.1.0.0/24',
            vpcId: 'vpc-1',
          },
        ],
      });
    },
    preflight(request) {
      fake.calls.push(
        `preflight ${request.source.id} ${request.target.region}`,
      );
      fake.requests.push(request);
      const bucket = request.source.kind === 'bucket';
      const facts: SourceFacts = {
        ...(bucket ? { bucket: fake.bucket } : {}),
        kind: request.source.kind,
        id: request.source.id,
        region: request.source.region,
        name: 'data-01',
        state: request.source.kind === 'instance' ? 'running' : 'available',
        sizeGiB: 100,
        encrypted: false,
        tags: { Name: 'data-01' },
      };
      const problems = [...fake.problems];
      return Promise.resolve({
        account: fake.account,
        facts,
        problems,
        ok: !problems.some((p) => p.severity === 'blocker'),
      });
    },
    plan(request: CopyRequest, facts: SourceFacts): PlanStep[] {
      if (request.source.kind === 'bucket') return buildPlan(request, facts);
      const from = request.source.region;
      const to = request.target.region;
      return [
        {
          id: 'snapshot-source',
          region: from,
          title: `Snapshot ${facts.id} (${facts.sizeGiB} GiB) in ${from}`,
          creates: [
            {
              type: 'snapshot',
              region: from,
              intermediate: true,
              note: `of ${facts.id}`,
            },
          ],
        },
        {
          id: 'copy-snapshot',
          region: to,
          title: `Copy the snapshot to ${to}`,
          creates: [
            {
              type: 'snapshot',
              region: to,
              intermediate: true,
              note: 'the copy',
            },
          ],
        },
        {
          id: 'create-volume',
          region: to,
          title: `Create a gp3 volume in ${request.target.az ?? '?'}`,
          creates: [
            { type: 'volume', region: to, intermediate: false, note: '' },
          ],
        },
      ];
    },
    create(request, preflight) {
      counter += 1;
      const runId = `mig-20261121-00000${counter}`;
      fake.calls.push(`create ${runId}`);
      const at = new Date('2026-11-21T10:00:00Z').toISOString();
      const journal: Journal = {
        version: 1,
        runId,
        createdAt: at,
        updatedAt: at,
        state: 'planned',
        ...(preflight.account === undefined
          ? {}
          : { account: preflight.account }),
        request,
        facts: preflight.facts as SourceFacts,
        plan: fake.plan(request, preflight.facts as SourceFacts),
        steps: {},
      };
      save(journal);
      return Promise.resolve(journal);
    },
    async run(runId, options: RunOptions = {}) {
      fake.calls.push(`run ${runId}`);
      const signal = options.signal ?? new AbortController().signal;
      const emit = (event: RunEvent) => options.onEvent?.(event);
      let journal: Journal = { ...load(runId), state: 'running' };
      save(journal);
      for (const step of journal.plan) {
        if (journal.steps[step.id]?.status === 'done') {
          emit({ type: 'step-skipped', stepId: step.id, reason: 'earlier' });
          continue;
        }
        emit({ type: 'step-started', stepId: step.id, title: step.title });
        emit({
          type: 'step-progress',
          stepId: step.id,
          percent: 40,
          state: 'pending',
          detail: '',
        });
        try {
          await wait(signal);
          signal.throwIfAborted();
        } catch (error) {
          journal = {
            ...journal,
            state: 'cancelled',
            error: `cancelled during: ${step.title}`,
          };
          save(journal);
          throw error;
        }
        if (fake.failAt?.step === step.id) {
          journal = { ...journal, state: 'failed', error: fake.failAt.message };
          save(journal);
          throw new Error(fake.failAt.message);
        }
        const made = step.creates.map((planned, index): CreatedResource => ({
          type: planned.type,
          id:
            planned.type === 'bucket'
              ? targetBucketName(journal.request)
              : `${planned.type === 'volume' ? 'vol' : 'snap'}-${step.id}-${index}`,
          region: planned.region,
          intermediate: planned.intermediate,
        }));
        for (const resource of made)
          emit({ type: 'resource-created', stepId: step.id, resource });
        journal = {
          ...journal,
          steps: {
            ...journal.steps,
            [step.id]: { status: 'done', outputs: {}, created: made },
          },
        };
        save(journal);
        emit({ type: 'step-done', stepId: step.id });
      }
      journal = { ...journal, state: 'done' };
      save(journal);
      return summarize(journal);
    },
    list: () =>
      Promise.resolve(
        [...journals.values()].map((journal) => ({
          runId: journal.runId,
          state: journal.state,
          source: journal.request.source,
          targetRegion: journal.request.target.region,
          updatedAt: journal.updatedAt,
          stepsDone: Object.values(journal.steps).filter(
            (s) => s.status === 'done',
          ).length,
          stepsTotal: journal.plan.length,
          ...(journal.error === undefined ? {} : { error: journal.error }),
        })),
      ),
    load: (runId) => Promise.resolve(load(runId)),
    checkAccount(runId) {
      const refused = accountMismatch(load(runId), fake.account, 'ops');
      return refused === undefined
        ? Promise.resolve()
        : Promise.reject(refused);
    },
    summary: (runId) => Promise.resolve(summarize(load(runId))),
    catchUp(runId) {
      fake.calls.push(`catch-up ${runId}`);
      const result: SyncResult = {
        direction: 'copy',
        dryRun: false,
        cancelled: false,
        planned: { upload: 0, download: 0, copy: 3, delete: 0, skip: 1200 },
        plannedBytes: 300,
        skipped: { unchanged: 1200, onlyAtDestination: 0, other: 0 },
        uploaded: 0,
        downloaded: 0,
        copied: 3,
        deleted: 0,
        bytes: 300,
        failed: [],
        failedCount: 0,
        warningCount: 0,
        deletesRefused: undefined,
        leftoverUploadsAborted: 0,
        partialsRemoved: 0,
        seconds: 0.1,
      };
      return Promise.resolve(result);
    },
    cleanup(runId, resourceId) {
      fake.calls.push(`cleanup ${resourceId}`);
      const journal = load(runId);
      const steps = Object.fromEntries(
        Object.entries(journal.steps).map(([id, record]) => [
          id,
          {
            ...record,
            created: record.created.map((r) =>
              r.id === resourceId ? { ...r, cleanedUp: true } : r,
            ),
          },
        ]),
      );
      const next = { ...journal, steps };
      save(next);
      return Promise.resolve(summarize(next));
    },
  };
  return fake;
}
