/**
 * The root-password reset wizard's screens as plain data, and how events move
 * it on: pick a connection, connect and detect, the server found, the plan,
 * the run, its end. Pure; secrets and live handles are kept elsewhere.
 */
import { describeError, UserError } from '../../../lib/errors.js';
import { defaultOptions, planOf } from '../plan.js';
import { emptyRun, runAfter, type RunView } from '../run/run-state.js';
import type {
  Detection,
  Plan,
  RemoteOutcome,
  ResetOptions,
  ResetResult,
  RunEvent,
} from '../types.js';

export type { RunView, StepView } from '../run/run-state.js';
export { emptyRun, runAfter } from '../run/run-state.js';

export interface Problem {
  readonly message: string;
  readonly hint?: string | undefined;
}

/** An earlier run whose link dropped, as far as it has been read. */
export interface EarlierRun {
  readonly work: string;
  readonly reading: boolean;
  readonly run: RunView;
  readonly outcome?: RemoteOutcome | undefined;
  readonly problem?: Problem | undefined;
}

export interface Found {
  readonly name: string;
  readonly detection: Detection;
  readonly options: ResetOptions;
  /** undefined when the options cannot make a plan (see planProblem). */
  readonly plan: Plan | undefined;
  readonly planProblem?: Problem | undefined;
  readonly passwordSet: boolean;
  readonly earlier?: EarlierRun | undefined;
}

export type RunEnd =
  | { readonly kind: 'result'; readonly result: ResetResult }
  /** The link dropped after the script started: it goes on on the host. */
  | { readonly kind: 'lost'; readonly problem: Problem }
  | { readonly kind: 'error'; readonly problem: Problem };

export type WizardState =
  | { readonly step: 'pick'; readonly problem?: Problem | undefined }
  | {
      readonly step: 'connecting';
      readonly name: string;
      readonly phase: 'ssh' | 'sudo' | 'detect';
    }
  | {
      readonly step: 'unreachable';
      readonly name: string;
      readonly problem: Problem;
    }
  | (Found & { readonly step: 'found' })
  | (Found & { readonly step: 'plan'; readonly plan: Plan })
  | (Found & {
      readonly step: 'running';
      readonly plan: Plan;
      readonly run: RunView;
    })
  | (Found & {
      readonly step: 'ended';
      readonly plan: Plan;
      readonly run: RunView;
      readonly end: RunEnd;
    });

export type WizardEvent =
  | { readonly type: 'pick'; readonly problem?: Problem }
  | {
      readonly type: 'connecting';
      readonly name: string;
      readonly phase: 'ssh' | 'sudo' | 'detect';
    }
  | {
      readonly type: 'unreachable';
      readonly name: string;
      readonly problem: Problem;
    }
  | {
      readonly type: 'detected';
      readonly name: string;
      readonly detection: Detection;
      readonly earlier?: EarlierRun | undefined;
    }
  | { readonly type: 'options'; readonly options: ResetOptions }
  | { readonly type: 'password' }
  | { readonly type: 'earlier'; readonly earlier: EarlierRun }
  | { readonly type: 'started' }
  | { readonly type: 'run'; readonly event: RunEvent }
  | { readonly type: 'cancelling' }
  | { readonly type: 'ended'; readonly end: RunEnd };

export const initialState = (): WizardState => ({ step: 'pick' });

export function problemOf(error: unknown): Problem {
  return error instanceof UserError
    ? { message: error.message, hint: error.hint }
    : { message: describeError(error) };
}

function planned(found: Found, options: ResetOptions): Found {
  try {
    return {
      ...found,
      options,
      plan: planOf(found.detection, options),
      planProblem: undefined,
    };
  } catch (error) {
    return {
      ...found,
      options,
      plan: undefined,
      planProblem: problemOf(error),
    };
  }
}

function foundOf(state: WizardState): Found | undefined {
  return 'detection' in state ? state : undefined;
}

export function nextState(state: WizardState, event: WizardEvent): WizardState {
  const found = foundOf(state);
  switch (event.type) {
    case 'pick':
      return { step: 'pick', problem: event.problem };
    case 'connecting':
      return { step: 'connecting', name: event.name, phase: event.phase };
    case 'unreachable':
      return { step: 'unreachable', name: event.name, problem: event.problem };
    case 'detected':
      return {
        step: 'found',
        ...planned(
          {
            name: event.name,
            detection: event.detection,
            options: defaultOptions(event.detection),
            plan: undefined,
            passwordSet: false,
            earlier:
              event.earlier ??
              (event.detection.leftover === undefined
                ? undefined
                : {
                    work: event.detection.leftover,
                    reading: false,
                    run: emptyRun(),
                  }),
          },
          defaultOptions(event.detection),
        ),
      };
    case 'options':
    case 'password': {
      if (!found || (state.step !== 'found' && state.step !== 'plan'))
        return state;
      const next =
        event.type === 'options'
          ? planned(found, event.options)
          : { ...found, passwordSet: true };
      return next.plan && next.passwordSet
        ? { ...next, step: 'plan', plan: next.plan }
        : { ...next, step: 'found' };
    }
    case 'earlier':
      return found && (state.step === 'found' || state.step === 'plan')
        ? { ...state, earlier: event.earlier }
        : state;
    case 'started':
      return state.step === 'plan'
        ? { ...state, step: 'running', run: emptyRun(state.plan) }
        : state;
    case 'run':
      return state.step === 'running'
        ? { ...state, run: runAfter(state.run, event.event) }
        : state;
    case 'cancelling':
      return state.step === 'running'
        ? { ...state, run: { ...state.run, cancelling: true } }
        : state;
    case 'ended':
      return state.step === 'running'
        ? { ...state, step: 'ended', end: event.end, passwordSet: false }
        : state;
  }
}
