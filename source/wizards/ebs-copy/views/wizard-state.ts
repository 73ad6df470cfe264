/**
 * The wizard as a pure state machine for the screens: plain-data states,
 * events in, the next state out. Effects (pre-flight, run, resume) are the
 * caller's: it sends 'check', calls engine.preflight, sends 'checked', and
 * so on. No SDK, no I/O here.
 */
import { suggestTargetName } from '../../../aws/s3/bucket-config/config-plan.js';
import { DEFAULT_INSTANCE_OPTIONS, requestOf, type Draft } from './draft.js';
import { applyRunEvent, stepViews, type StepView } from './step-views.js';
import type { CopyRequest, CopySource, Preflight } from '../types.js';
import type { Journal, PlanStep, RunEvent, RunSummary } from '../run-types.js';

export type WizardState =
  | { readonly step: 'source' | 'target' | 'options'; readonly draft: Draft }
  | {
      readonly step: 'preflight';
      readonly draft: Draft;
      readonly request: CopyRequest;
    }
  | {
      readonly step: 'review';
      readonly draft: Draft;
      readonly request: CopyRequest;
      readonly preflight: Preflight;
      readonly plan: readonly PlanStep[];
    }
  | {
      readonly step: 'running';
      readonly runId: string;
      readonly steps: readonly StepView[];
    }
  | { readonly step: 'finished'; readonly summary: RunSummary }
  | {
      readonly step: 'failed';
      readonly runId?: string;
      readonly message: string;
      readonly draft?: Draft;
    };

export type WizardEvent =
  | { readonly type: 'choose-source'; readonly source: CopySource }
  | {
      readonly type: 'choose-target';
      readonly region: string;
      readonly az?: string;
    }
  | {
      readonly type: 'set-options';
      readonly options: Partial<Omit<Draft, 'source' | 'targetRegion'>>;
    }
  | { readonly type: 'back' }
  | { readonly type: 'check' }
  | {
      readonly type: 'checked';
      readonly preflight: Preflight;
      readonly plan: readonly PlanStep[];
    }
  | { readonly type: 'started'; readonly journal: Journal }
  | { readonly type: 'progress'; readonly event: RunEvent }
  | { readonly type: 'finished'; readonly summary: RunSummary }
  | {
      readonly type: 'failed';
      readonly message: string;
      readonly runId?: string;
    };

export function initialState(source?: CopySource): WizardState {
  const draft: Draft = {
    encryption: { mode: 'keep' },
    tags: { mode: 'all' },
    instance: DEFAULT_INSTANCE_OPTIONS,
    ...(source === undefined ? {} : { source }),
  };
  return { step: source === undefined ? 'source' : 'target', draft };
}

export function nextState(state: WizardState, event: WizardEvent): WizardState {
  const draft = 'draft' in state ? state.draft : undefined;
  switch (event.type) {
    case 'choose-source': {
      // Another source: its new bucket name is suggested afresh.
      const { bucket: _name, ...rest } = draft ?? initialDraft();
      return { step: 'target', draft: { ...rest, source: event.source } };
    }
    case 'choose-target':
      if (draft === undefined) return state;
      return {
        step: 'options',
        draft: {
          ...draft,
          targetRegion: event.region,
          ...(event.az === undefined ? {} : { az: event.az }),
          ...bucketTarget(draft, event.region),
        },
      };
    case 'set-options':
      return draft === undefined || state.step === 'running'
        ? state
        : { step: 'options', draft: { ...draft, ...event.options } };
    case 'back': {
      if (draft === undefined) return state;
      const previous = {
        target: 'source',
        options: 'target',
        preflight: 'options',
        review: 'options',
      } as const;
      if (
        state.step === 'source' ||
        state.step === 'failed' ||
        state.step === 'running' ||
        state.step === 'finished'
      )
        return state;
      return { step: previous[state.step], draft };
    }
    case 'check': {
      const request = draft === undefined ? undefined : requestOf(draft);
      return draft === undefined || request === undefined
        ? state
        : { step: 'preflight', draft, request };
    }
    case 'checked':
      return state.step === 'preflight'
        ? {
            ...state,
            step: 'review',
            preflight: event.preflight,
            plan: event.plan,
          }
        : state;
    case 'started':
      return {
        step: 'running',
        runId: event.journal.runId,
        steps: stepViews(event.journal),
      };
    case 'progress':
      return state.step === 'running'
        ? { ...state, steps: applyRunEvent(state.steps, event.event) }
        : state;
    case 'finished':
      return { step: 'finished', summary: event.summary };
    case 'failed':
      return {
        step: 'failed',
        message: event.message,
        ...(event.runId === undefined ? {} : { runId: event.runId }),
        ...(draft === undefined ? {} : { draft }),
      };
  }
}

/** A bucket's new name follows the target region until the user edits it. */
function bucketTarget(draft: Draft, region: string): Partial<Draft> {
  const source = draft.source;
  if (source?.kind !== 'bucket') return {};
  const name = draft.bucket?.targetName;
  const suggested =
    draft.targetRegion === undefined
      ? undefined
      : suggestTargetName(source.id, draft.targetRegion);
  return {
    bucket: {
      skip: draft.bucket?.skip ?? [],
      targetName:
        name === undefined || name === suggested
          ? suggestTargetName(source.id, region)
          : name,
    },
  };
}

function initialDraft(): Draft {
  return (initialState() as { draft: Draft }).draft;
}

/** Whether the user may confirm: a reviewed plan without blockers. */
export function canConfirm(state: WizardState): boolean {
  return state.step === 'review' && state.preflight.ok;
}
