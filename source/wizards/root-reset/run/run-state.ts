/** A run's live view: its steps and the remote output, moved on by the script's events. Pure. */
import type { Plan, RunEvent, StepId, StepStatus } from '../types.js';

export interface StepView {
  readonly id: StepId;
  readonly title: string;
  readonly status: StepStatus;
  readonly detail?: string | undefined;
}

export interface RunView {
  readonly steps: readonly StepView[];
  /** The remote output, the newest last (the oldest are dropped). */
  readonly output: readonly string[];
  /** The run's directory on the host, once it started. */
  readonly work?: string | undefined;
  readonly cancelling: boolean;
}

const OUTPUT_KEPT = 300;

export const emptyRun = (plan?: Plan): RunView => ({
  steps: (plan?.steps ?? []).map(({ id, title }) => ({
    id,
    title,
    status: 'pending',
  })),
  output: [],
  cancelling: false,
});

/** A run's view after one of the script's events. */
export function runAfter(run: RunView, event: RunEvent): RunView {
  switch (event.kind) {
    case 'started':
      return { ...run, work: event.work };
    case 'output':
      return {
        ...run,
        output: [...run.output, event.line].slice(-OUTPUT_KEPT),
      };
    case 'finished':
      return run;
    case 'step': {
      const known = run.steps.some((step) => step.id === event.id);
      const update = (step: StepView): StepView => ({
        ...step,
        status: event.status,
        detail:
          event.detail ??
          (event.status === step.status ? step.detail : undefined),
      });
      return {
        ...run,
        steps: known
          ? run.steps.map((step) =>
              step.id === event.id ? update(step) : step,
            )
          : [
              ...run.steps,
              update({ id: event.id, title: event.id, status: 'pending' }),
            ],
      };
    }
  }
}
