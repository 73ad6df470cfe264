/**
 * The whole text of the wizard's screen for a state: what to do now, then
 * the step's content. Pure; the screen scrolls it when it is long, and the
 * run screen keeps the newest remote output in the rows that are left.
 */
import { toneLines, type ViewGlyphs, type ViewLine } from '../../view-lines.js';
import { detectionLines } from './detection-view.js';
import { choiceLines, earlierLines, planLines } from './plan-view.js';
import { problemLines, resultLines, runSection } from './run-view.js';
import type { WizardSnapshot } from '../console-service.js';
import type { Found, WizardState } from './wizard-state.js';

export interface ScreenContext {
  readonly width: number;
  /** Rows of the screen's body, for the remote output of a run. */
  readonly height: number;
  readonly glyphs: ViewGlyphs;
  readonly readOnly: boolean;
  readonly readOnlyReason: string;
}

const INTRO =
  'Resets a lost MySQL or MariaDB root password over SSH: detect the server, try a way in that needs no restart, else restart it once with an init file. One detached script does the work; its trap puts the server back as it was on any failure.';

/** "Step 3/5: Plan" */
export function stepLabel(state: WizardState): string {
  const steps: Record<WizardState['step'], [number, string]> = {
    pick: [1, 'Connection'],
    connecting: [1, 'Connection'],
    unreachable: [1, 'Connection'],
    found: [2, 'Server'],
    plan: [3, 'Plan'],
    running: [4, 'Run'],
    ended: [5, 'Result'],
  };
  const [at, name] = steps[state.step];
  return `Step ${at}/5: ${name}`;
}

/** Whether an earlier run of this server must be read before a new one starts. */
export function earlierPending(found: Found): boolean {
  return (
    found.detection.leftover !== undefined &&
    found.earlier?.outcome === undefined
  );
}

function nextHint(state: WizardState, context: ScreenContext): string {
  const { ellipsis } = context.glyphs;
  switch (state.step) {
    case 'pick':
      return 'Enter picks the MySQL connection whose server needs a new root password.';
    case 'connecting':
      return {
        ssh: `Connecting to ${state.name} over SSH${ellipsis}`,
        sudo: `Waiting for the sudo password for ${state.name}${ellipsis}`,
        detect: `Looking at the server on ${state.name} (nothing is changed)${ellipsis}`,
      }[state.phase];
    case 'unreachable':
      return 'Nothing was changed. Enter tries again; c picks another connection.';
    case 'found':
      if (state.earlier?.reading)
        return 'Reading the earlier run; wait for its end.';
      if (earlierPending(state))
        return 'l follows the earlier run to its end first.';
      return state.planProblem
        ? 'o changes the options.'
        : 'Enter: choose the options, then type the new password.';
    case 'plan':
      if (context.readOnly)
        return `Read-only (${context.readOnlyReason}): the plan is shown, running is refused.`;
      return earlierPending(state)
        ? 'l follows the earlier run to its end first.'
        : 'Enter asks to confirm and runs it. o options, p password.';
    case 'running':
      return state.run.cancelling
        ? `Stopping: the trap restores the server${ellipsis}`
        : 'Running on the host. Esc leaves (asks whether to stop it); Ctrl+C stops it.';
    case 'ended':
      return state.end.kind === 'lost'
        ? 'n, then the same connection: the server screen follows that run (l).'
        : 'n starts over; Esc leaves.';
  }
}

export function screenLines(
  snapshot: WizardSnapshot,
  context: ScreenContext,
): ViewLine[] {
  const { state } = snapshot;
  const { width, glyphs } = context;
  const wrap = (text: string, tone?: ViewLine['tone']) =>
    toneLines(text, width, tone);
  const blank: ViewLine = { text: '' };
  const head = [...wrap(nextHint(state, context), 'accent'), blank];
  // The run's output takes what the other lines leave, at least 3 rows.
  const rowsLeft = (used: number) => Math.max(3, context.height - 1 - used - 1);
  switch (state.step) {
    case 'pick':
      return [
        ...head,
        ...(state.problem
          ? [...problemLines(state.problem, width, glyphs), blank]
          : []),
        ...wrap(INTRO, 'muted'),
      ];
    case 'connecting':
      return head;
    case 'unreachable':
      return [...head, ...problemLines(state.problem, width, glyphs)];
    case 'found': {
      const top = [
        ...head,
        ...(state.planProblem
          ? [...problemLines(state.planProblem, width, glyphs), blank]
          : []),
      ];
      const earlier = state.earlier
        ? earlierLines(state.earlier, width, glyphs, 0)
        : [];
      const lines = [...top, ...(state.earlier ? [...earlier, blank] : [])];
      // While an earlier run is followed, its output is what matters.
      if (state.earlier?.reading)
        return [
          ...top,
          ...earlierLines(
            state.earlier,
            width,
            glyphs,
            rowsLeft(top.length + earlier.length + 1),
          ),
        ];
      return [...lines, ...detectionLines(state.detection, width, glyphs)];
    }
    case 'plan':
      return [
        ...head,
        ...choiceLines(state, width),
        ...(state.earlier && earlierPending(state)
          ? [blank, ...earlierLines(state.earlier, width, glyphs, 0)]
          : []),
        blank,
        ...planLines(state.plan, width, glyphs),
      ];
    case 'running': {
      const top = [
        ...head,
        {
          text: `${state.plan.options.user}@${state.plan.options.host} on ${state.detection.host}`,
          bold: true,
        },
      ];
      const steps = runSection({ ...state.run, output: [] }, width, glyphs, 0);
      return [
        ...top,
        ...runSection(
          state.run,
          width,
          glyphs,
          rowsLeft(top.length + steps.length),
        ),
      ];
    }
    case 'ended': {
      const { end } = state;
      const account = `${state.plan.options.user}@${state.plan.options.host} on ${state.detection.host}`;
      const body =
        end.kind === 'result'
          ? resultLines(end.result, width, glyphs, state.run.cancelling)
          : problemLines(end.problem, width, glyphs);
      return [
        ...head,
        { text: account, bold: true },
        ...body,
        blank,
        ...runSection(state.run, width, glyphs, state.run.output.length),
      ];
    }
  }
}
