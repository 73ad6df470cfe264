/**
 * Lines of the wizard's later screens: the pre-flight's problems and the
 * plan, the live step list, the finish summary and a stopped run. Pure.
 */
import { wrapLines } from '../../wrap-lines.js';
import type {
  CopyRequest,
  CreatedResource,
  PlanStep,
  Preflight,
  Problem,
  RunSummary,
} from './types.js';
import type { ViewGlyphs, ViewLine } from './wizard-view.js';
import type { StepView } from './wizard-state.js';

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

function wrapped(
  text: string,
  width: number,
  first: string,
  tone?: ViewLine['tone'],
): ViewLine[] {
  return wrapLines(text, width, { first, rest: '  ' }).map((line) => ({
    text: line,
    ...(tone === undefined ? {} : { tone }),
  }));
}

/** Blockers first, then warnings, then notes; each with what to do. */
export function problemLines(
  problems: readonly Problem[],
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  const count = (severity: Problem['severity']) =>
    problems.filter((problem) => problem.severity === severity).length;
  const blockers = count('blocker');
  const warnings = count('warning');
  const lines: ViewLine[] = [
    {
      text:
        blockers + warnings === 0
          ? `${glyphs.ok} Pre-flight: no problems`
          : `Pre-flight: ${plural(blockers, 'blocker')}, ${plural(warnings, 'warning')}${warnings > 0 && blockers === 0 ? ' (confirming acknowledges them)' : ''}`,
      bold: true,
      tone: blockers > 0 ? 'error' : warnings > 0 ? 'warn' : 'ok',
    },
  ];
  const order = { blocker: 0, warning: 1, info: 2 } as const;
  const sorted = [...problems].sort(
    (a, b) => order[a.severity] - order[b.severity],
  );
  for (const problem of sorted) {
    const glyph =
      problem.severity === 'blocker'
        ? glyphs.error
        : problem.severity === 'warning'
          ? glyphs.warn
          : glyphs.info;
    const tone =
      problem.severity === 'blocker'
        ? 'error'
        : problem.severity === 'warning'
          ? 'warn'
          : 'info';
    lines.push(...wrapped(problem.message, width, `${glyph} `, tone));
    if (problem.fix !== '')
      lines.push(
        ...wrapped(`what to do: ${problem.fix}`, width, '  ', 'muted'),
      );
  }
  return lines;
}

/** Each step and the resources it creates, intermediates marked. */
export function planLines(
  plan: readonly PlanStep[],
  width: number,
): ViewLine[] {
  const lines: ViewLine[] = [
    { text: `Plan: ${plural(plan.length, 'step')}`, bold: true },
  ];
  plan.forEach((step, index) => {
    lines.push(...wrapped(step.title, width, `${index + 1}. `));
    for (const resource of step.creates)
      lines.push(
        ...wrapped(
          `+ ${resource.type} in ${resource.region}${resource.intermediate ? ' (intermediate)' : ''}${resource.note === '' ? '' : `: ${resource.note}`}`,
          width,
          '   ',
          resource.intermediate ? 'muted' : 'ok',
        ),
      );
  });
  return lines;
}

export function preflightLines(
  request: CopyRequest,
  preflight: Preflight,
  plan: readonly PlanStep[],
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  const facts = preflight.facts;
  const { dot } = glyphs;
  const from =
    facts === undefined
      ? `${request.source.id} in ${request.source.region}`
      : `${facts.name === '' ? facts.id : `${facts.name} (${facts.id})`} ${dot} ${facts.state} ${dot} ${facts.sizeGiB} GiB${facts.encrypted ? ', encrypted' : ''} ${dot} ${facts.region}`;
  const to = `${request.target.region}${request.target.az === undefined ? '' : `, zone ${request.target.az}`}${preflight.account === undefined ? '' : ` ${dot} account ${preflight.account}`}`;
  return [
    ...wrapped(from, width, 'From  ', 'info'),
    ...wrapped(to, width, 'To    ', 'info'),
    ...problemLines(preflight.problems, width, glyphs),
    { text: '' },
    ...planLines(plan, width),
  ];
}

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
    const lines = wrapped(step.title, width, `${mark} `, tone[step.status]);
    if (step.status === 'skipped')
      lines.push({ text: '  done in an earlier session', tone: 'muted' });
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
