/**
 * The whole text of the wizard's screen for a state: what to do now, then
 * the step's content. Pure; the screen scrolls it when it is long.
 */
import { toneLines } from '../../view-lines.js';
import type { WizardSnapshot } from '../console-service.js';
import { preflightLines } from './review-view.js';
import { stepLines, summaryLines } from './run-view.js';
import {
  draftLines,
  nextHint,
  type ViewGlyphs,
  type ViewLine,
} from './wizard-view.js';

const INTRO =
  'Copies an instance, an EBS volume, a snapshot or an AMI to another region, server-side. Each step is journalled: a run that stops can be resumed without creating anything twice.';

export interface ScreenContext {
  readonly width: number;
  readonly glyphs: ViewGlyphs;
  /** The session's region, where sources are picked. */
  readonly region: string;
  readonly readOnly: boolean;
}

export function screenLines(
  snapshot: WizardSnapshot,
  context: ScreenContext,
): ViewLine[] {
  const { state } = snapshot;
  const { width, glyphs } = context;
  const wrap = (text: string, tone?: ViewLine['tone']) =>
    toneLines(text, width, tone);
  const hint = wrap(nextHint(state, context), 'accent');
  const blank: ViewLine = { text: '' };
  switch (state.step) {
    case 'source':
      return [...hint, blank, ...wrap(INTRO, 'muted')];
    case 'target':
    case 'options':
    case 'preflight':
      return [...hint, blank, ...draftLines(state.draft, width)];
    case 'review':
      return [
        ...hint,
        blank,
        ...preflightLines(
          state.request,
          state.preflight,
          state.plan,
          width,
          glyphs,
        ),
      ];
    case 'running':
      return [
        ...hint,
        blank,
        { text: `Run ${state.runId}`, bold: true },
        ...stepLines(state.steps, width, glyphs),
      ];
    case 'finished':
      return [...hint, blank, ...summaryLines(state.summary, width, glyphs)];
    case 'failed':
      return [
        ...wrap(`${glyphs.error} ${state.message}`, 'error'),
        ...hint,
        ...(snapshot.lastSteps === undefined
          ? state.draft === undefined
            ? []
            : [blank, ...draftLines(state.draft, width)]
          : [
              blank,
              ...(state.runId === undefined
                ? []
                : [{ text: `Run ${state.runId}`, bold: true }]),
              ...stepLines(snapshot.lastSteps, width, glyphs),
            ]),
      ];
  }
}
