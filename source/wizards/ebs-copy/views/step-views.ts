import type { Journal, RunEvent, StepKind } from '../run-types.js';

export interface StepView {
  readonly id: StepKind;
  readonly title: string;
  readonly status: 'pending' | 'running' | 'done' | 'skipped' | 'failed';
  readonly percent?: number | undefined;
  readonly detail?: string;
}

/** Step views of a journal: where a started or resumed run stands. */
export function stepViews(journal: Journal): StepView[] {
  return journal.plan.map((step) => {
    const record = journal.steps[step.id];
    const status =
      record?.status === 'done'
        ? 'done'
        : record?.status === 'failed'
          ? 'failed'
          : 'pending';
    return { id: step.id, title: step.title, status };
  });
}

export function applyRunEvent(
  steps: readonly StepView[],
  event: RunEvent,
): StepView[] {
  return steps.map((view) => {
    if (view.id !== event.stepId) return view;
    switch (event.type) {
      case 'step-started':
        return { ...view, status: 'running' };
      case 'step-progress':
        return {
          ...view,
          status: 'running',
          percent: event.percent,
          detail: event.state,
        };
      case 'step-done':
        return { ...view, status: 'done', percent: 100 };
      case 'step-skipped':
        return { ...view, status: 'skipped' };
      case 'resource-created':
      case 'resource-found':
        return { ...view, detail: event.resource.id };
    }
  });
}
