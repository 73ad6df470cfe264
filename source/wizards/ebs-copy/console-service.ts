/**
 * The console's handle on the region-copy wizard, one per session: the
 * engine (imported on first use, since it brings the EC2 SDK), the runs on
 * disk (read without the SDK, for the start-up notice), and the wizard's
 * state, kept here rather than in a component so that leaving the screen
 * and coming back loses nothing, and a run keeps reporting while the
 * screen is closed.
 */
import { createStore } from '../../lib/store.js';
import type { EbsCopyEngine } from './engine.js';
import {
  initialState,
  nextState,
  type WizardEvent,
  type WizardState,
} from './views/wizard-state.js';
import type { RunListing } from './run-types.js';
import type { StepView } from './views/step-views.js';

export interface WizardSnapshot {
  readonly state: WizardState;
  /** The job that runs the copy, while it runs. */
  readonly jobId?: number;
  /** The step list when a run stopped, so the failed screen can show where. */
  readonly lastSteps?: readonly StepView[];
}

export interface WizardStore {
  readonly getSnapshot: () => WizardSnapshot;
  readonly subscribe: (listener: () => void) => () => void;
  readonly dispatch: (event: WizardEvent) => void;
  /** Starts over (a new source from a pane row, or an empty wizard). */
  readonly reset: (state: WizardState) => void;
  readonly setJob: (jobId: number | undefined) => void;
}

export interface EbsCopyService {
  /** The engine; the first call imports it. */
  readonly engine: () => Promise<EbsCopyEngine>;
  /** Runs in the journal directory, newest first. */
  readonly runs: () => Promise<RunListing[]>;
  readonly wizard: WizardStore;
}

function createWizardStore(state: WizardState = initialState()): WizardStore {
  const store = createStore<WizardSnapshot>({ state });
  const { set } = store;
  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    dispatch(event) {
      const snapshot = store.getSnapshot();
      const current = snapshot.state;
      const state = nextState(current, event);
      if (state === current) return;
      const { lastSteps: _old, ...rest } = snapshot;
      set({
        ...rest,
        state,
        ...(current.step === 'running' && state.step === 'failed'
          ? { lastSteps: current.steps }
          : {}),
      });
    },
    reset(state) {
      const snapshot = store.getSnapshot();
      set({
        state,
        ...(snapshot.jobId === undefined ? {} : { jobId: snapshot.jobId }),
      });
    },
    setJob(jobId) {
      const { jobId: _old, ...rest } = store.getSnapshot();
      set(jobId === undefined ? rest : { ...rest, jobId });
    },
  };
}

export function createEbsCopyService(deps: {
  readonly loadEngine: () => Promise<EbsCopyEngine>;
  /** Lists runs without loading the engine; the engine's list otherwise. */
  readonly listRuns?: () => Promise<RunListing[]>;
}): EbsCopyService {
  let engine: Promise<EbsCopyEngine> | undefined;
  const load = () => {
    engine ??= deps.loadEngine();
    // A failed import may be retried on the next use.
    engine.catch(() => (engine = undefined));
    return engine;
  };
  return {
    engine: load,
    runs: deps.listRuns ?? (() => load().then((loaded) => loaded.list())),
    wizard: createWizardStore(),
  };
}
