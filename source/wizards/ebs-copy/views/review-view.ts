/**
 * Lines of the review screen: the pre-flight's problems and the plan. The
 * run and finish screens' lines are in run-view.ts. Pure.
 */
import { wrapLines } from '../../../lib/wrap-lines.js';
import { formatBytes } from '../../../lib/byte-size.js';
import { CONFIG_LABELS, skippedItems } from '../bucket/bucket-plan.js';
import type { CopyRequest, Preflight, Problem, SourceFacts } from '../types.js';
import type { ViewGlyphs, ViewLine } from './wizard-view.js';
import type { PlanStep } from '../run-types.js';

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

/** Text wrapped under a lead (a mark, a bullet), in one tone. */
export function wrapped(
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
function problemLines(
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
function planLines(plan: readonly PlanStep[], width: number): ViewLine[] {
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
      : facts.bucket !== undefined
        ? `bucket ${facts.id} ${dot} ${facts.bucket.objects.toLocaleString('en-US')} objects, ${formatBytes(facts.bucket.bytes)} ${dot} ${facts.region}`
        : `${facts.name === '' ? facts.id : `${facts.name} (${facts.id})`} ${dot} ${facts.state} ${dot} ${facts.sizeGiB} GiB${facts.encrypted ? ', encrypted' : ''} ${dot} ${facts.region}`;
  const to = `${request.target.region}${request.target.az === undefined ? '' : `, zone ${request.target.az}`}${request.bucket === undefined ? '' : `, new bucket ${request.bucket.targetName}`}${preflight.account === undefined ? '' : ` ${dot} account ${preflight.account}`}`;
  return [
    ...wrapped(from, width, 'From  ', 'info'),
    ...wrapped(to, width, 'To    ', 'info'),
    ...problemLines(preflight.problems, width, glyphs),
    { text: '' },
    ...planLines(plan, width),
    ...(facts === undefined ? [] : leftOutLines(request, facts, width)),
  ];
}

/** Configuration items the source has that the choices leave out (o brings them back). */
function leftOutLines(
  request: CopyRequest,
  facts: SourceFacts,
  width: number,
): ViewLine[] {
  const left = skippedItems(request, facts);
  if (left.length === 0) return [];
  return wrapped(
    `Left out (o to copy them): ${left.map((item) => CONFIG_LABELS[item]).join(', ')}`,
    width,
    '   ',
    'muted',
  );
}
