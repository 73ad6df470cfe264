/** Lines of the run and finish screens: the live step list and the summary. Pure. */
import { wrapped } from './review-view.js';
import type { ViewGlyphs, ViewLine } from './wizard-view.js';
import type { CreatedResource, RunSummary } from '../run-types.js';
import type { StepView } from './step-views.js';

function bar(percent: number, size: number, glyphs: ViewGlyphs): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * size);
  return `${glyphs.barFull.repeat(filled)}${glyphs.barEmpty.repeat(size - filled)}`;
}

/** One line per step: done, running with its percent, pending, failed. */
export function stepLines(
  steps: readonly StepView[],
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  return steps.flatMap((step): ViewLine[] => {
    const mark = {
      done: glyphs.ok,
      skipped: glyphs.ok,
      running: '>',
      pending: ' ',
      failed: glyphs.error,
    }[step.status];
    const tone = {
      done: 'ok',
      skipped: 'ok',
      running: 'accent',
      pending: 'muted',
      failed: 'error',
    } as const;
    // A resumed run's done steps stay one line each, so the running one stays on screen.
    const title =
      step.status === 'skipped'
        ? `${step.title} (done in an earlier session)`
        : step.title;
    const lines = wrapped(title, width, `${mark} `, tone[step.status]);
    if (step.status === 'running') {
      const size = Math.max(5, Math.min(30, width - 24));
      const percent =
        step.percent === undefined
          ? '  ?%'
          : `${String(Math.floor(step.percent)).padStart(3)}%`;
      const progress =
        step.percent === undefined
          ? ''
          : `[${bar(step.percent, size, glyphs)}] ${percent} `;
      lines.push({
        text: `  ${progress}${step.detail ?? 'started'}`.slice(0, width),
        tone: 'accent',
      });
    }
    return lines;
  });
}

function resourceLine(resource: CreatedResource): string {
  return `  ${resource.type} ${resource.id}`;
}

/** What exists in the target now, what the source still holds, notes. */
export function summaryLines(
  summary: RunSummary,
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  const leftover = new Set(summary.leftovers.map((resource) => resource.id));
  const kept = summary.target.filter((resource) => !leftover.has(resource.id));
  const targetRegion = summary.target[0]?.region;
  const lines: ViewLine[] = [
    {
      text:
        summary.state === 'done'
          ? `${glyphs.ok} Run ${summary.runId} is done`
          : `Run ${summary.runId} is ${summary.state}`,
      bold: true,
      tone: summary.state === 'done' ? 'ok' : 'warn',
    },
    {
      text: `Now in ${targetRegion ?? 'the target'}:`,
      bold: true,
    },
    ...(kept.length === 0
      ? [{ text: '  nothing yet', tone: 'muted' as const }]
      : kept.map((resource) => ({
          text: resourceLine(resource),
          tone: 'ok' as const,
        }))),
  ];
  if (summary.leftovers.length > 0) {
    lines.push({
      text: 'Intermediates still there (x removes them, asking for each):',
      bold: true,
    });
    for (const resource of summary.leftovers)
      lines.push({
        text: `${resourceLine(resource)} in ${resource.region}`,
        tone: 'warn',
      });
  } else if (summary.state === 'done')
    lines.push({ text: 'Nothing left behind in the source.', tone: 'muted' });
  for (const note of summary.notes.filter((text) => !/--resume/.test(text)))
    lines.push(...wrapped(note, width, `${glyphs.info} `, 'info'));
  return lines;
}
