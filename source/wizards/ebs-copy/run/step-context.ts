/** What a step executor gets: its clients, its record, tags, tokens, and a way to journal at once. */
import type { EC2Client, Tag } from '@aws-sdk/client-ec2';
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import { ec2Context, type Ec2Context } from '../../../aws/ec2/ec2-errors.js';
import type { PollRound, PollSettings } from './poll.js';
import { carriedTags, clientToken, runTags } from '../tags.js';
import type { CopyRequest, SourceFacts } from '../types.js';
import type {
  CreatedResource,
  Journal,
  PlanStep,
  RunEvent,
  StepKind,
  StepRecord,
} from '../run-types.js';

export interface StepContext {
  readonly runId: string;
  /** For the S3 calls of a bucket source (the EC2 clients are below). */
  readonly factory: AwsClientFactory;
  /** The journal directory: a bucket copy journals its multipart copies under it. */
  readonly workDir: string;
  readonly step: PlanStep;
  readonly request: CopyRequest;
  readonly facts: SourceFacts;
  readonly record: () => StepRecord;
  readonly signal: AbortSignal;
  readonly poll: PollSettings;
  readonly sourceClient: () => Promise<EC2Client>;
  readonly targetClient: () => Promise<EC2Client>;
  readonly token: (part?: string) => string;
  /** The source's carried tags plus this run's and step's. */
  readonly tags: (extra?: Readonly<Record<string, string>>) => Tag[];
  /** An output of this or an earlier step. */
  readonly output: (stepId: StepKind, key: string) => string | undefined;
  /** Journals outputs and created resources now, before any wait. */
  readonly remember: (
    outputs: Readonly<Record<string, string>>,
    created?: readonly CreatedResource[],
    how?: 'created' | 'found',
  ) => Promise<void>;
  readonly progress: (round: PollRound) => void;
  readonly context: (
    operation: string,
    target?: string,
    region?: string,
  ) => Ec2Context;
  /** The command that resumes this run. */
  readonly resumeHint: string;
}

export function buildStepContext(options: {
  readonly factory: AwsClientFactory;
  readonly workDir: string;
  readonly journal: () => Journal;
  readonly step: PlanStep;
  readonly signal: AbortSignal;
  readonly poll: PollSettings;
  readonly update: (
    change: (record: StepRecord) => StepRecord,
  ) => Promise<void>;
  readonly emit: (event: RunEvent) => void;
}): StepContext {
  const { factory, step } = options;
  const journal = options.journal();
  const { request, facts, runId } = journal;
  const carried = carriedTags(facts.tags, request.tags);
  return {
    runId,
    factory,
    workDir: options.workDir,
    step,
    request,
    facts,
    record: () =>
      options.journal().steps[step.id] ?? {
        status: 'pending',
        outputs: {},
        created: [],
      },
    signal: options.signal,
    poll: options.poll,
    sourceClient: () => factory.ec2(request.source.region),
    targetClient: () => factory.ec2(request.target.region),
    token: (part) => clientToken(runId, step.id, part),
    tags: (extra = {}) => runTags({ ...carried, ...extra }, runId, step.id),
    output: (stepId, key) => options.journal().steps[stepId]?.outputs[key],
    async remember(outputs, created = [], how = 'created') {
      await options.update((record) => ({
        ...record,
        outputs: { ...record.outputs, ...outputs },
        created: [
          ...record.created.filter(
            (known) => !created.some((next) => next.id === known.id),
          ),
          ...created,
        ],
      }));
      for (const resource of created)
        options.emit({
          type: how === 'found' ? 'resource-found' : 'resource-created',
          stepId: step.id,
          resource,
        });
    },
    progress(round) {
      options.emit({
        type: 'step-progress',
        stepId: step.id,
        percent: round.percent,
        state: round.state,
        detail: round.detail ?? '',
      });
    },
    context: (operation, target, region = step.region) => ({
      ...ec2Context(factory, operation, target, region),
    }),
    resumeHint: `resume with: opsdeck ebs-copy --resume ${runId}`,
  };
}
