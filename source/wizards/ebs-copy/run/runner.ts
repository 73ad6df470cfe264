/**
 * Runs (or resumes) a journalled plan: steps already done are skipped, the
 * journal is rewritten before and after every step and whenever a step
 * learns the ID of something it created, and a failure or cancellation is
 * recorded so the run can be resumed later.
 */
import type { AwsClientFactory } from '../../../aws/client-factory.js';
import { describeError, isAbortError } from '../../../lib/errors.js';
import { EXECUTORS } from './executors.js';
import type { JournalStore } from './journal.js';
import type { PollSettings } from './poll.js';
import { buildStepContext } from './step-context.js';
import { clientToken } from '../tags.js';
import type { Journal, RunEvent, StepRecord } from '../run-types.js';

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: RunEvent) => void;
}

export interface RunnerDeps {
  readonly factory: AwsClientFactory;
  readonly journals: JournalStore;
  readonly poll: PollSettings;
  readonly now: () => Date;
}

const EMPTY: StepRecord = { status: 'pending', outputs: {}, created: [] };

export async function runJournal(
  deps: RunnerDeps,
  start: Journal,
  options: RunOptions = {},
): Promise<Journal> {
  const signal = options.signal ?? new AbortController().signal;
  const emit = (event: RunEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A listener's bug must not stop a copy half way.
    }
  };
  const unlock = await deps.journals.lock(start.runId);
  let journal: Journal = start;
  const save = async (change: (current: Journal) => Journal) => {
    journal = { ...change(journal), updatedAt: deps.now().toISOString() };
    await deps.journals.save(journal);
  };
  const updateStep = (id: string, change: (record: StepRecord) => StepRecord) =>
    save((current) => ({
      ...current,
      steps: { ...current.steps, [id]: change(current.steps[id] ?? EMPTY) },
    }));

  try {
    const { error: _previous, ...rest } = journal;
    await save(() => ({ ...rest, state: 'running' }));
    for (const step of journal.plan) {
      if (journal.steps[step.id]?.status === 'done') {
        emit({
          type: 'step-skipped',
          stepId: step.id,
          reason: 'done in an earlier session',
        });
        continue;
      }
      if (signal.aborted) {
        // Stopped between steps: said in the journal, not left as running.
        await save((current) => ({
          ...current,
          state: 'cancelled',
          error: `cancelled before: ${step.title}`,
        }));
        signal.throwIfAborted();
      }
      await updateStep(step.id, ({ error: _error, ...record }) => ({
        ...record,
        status: 'running',
        clientToken: clientToken(journal.runId, step.id),
        startedAt: record.startedAt ?? deps.now().toISOString(),
      }));
      emit({ type: 'step-started', stepId: step.id, title: step.title });
      const context = buildStepContext({
        factory: deps.factory,
        workDir: deps.journals.dir,
        journal: () => journal,
        step,
        signal,
        poll: deps.poll,
        update: (change) => updateStep(step.id, change),
        emit,
      });
      try {
        await EXECUTORS[step.id](context);
      } catch (error) {
        const message = describeError(error);
        await updateStep(step.id, (record) => ({
          ...record,
          status: 'failed',
          error: message,
        }));
        const cancelled = signal.aborted || isAbortError(error);
        await save((current) => ({
          ...current,
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? `cancelled during: ${step.title}` : message,
        }));
        throw error;
      }
      await updateStep(step.id, (record) => ({
        ...record,
        status: 'done',
        endedAt: deps.now().toISOString(),
      }));
      emit({ type: 'step-done', stepId: step.id });
    }
    await save((current) => ({ ...current, state: 'done' }));
    return journal;
  } finally {
    await unlock();
  }
}
