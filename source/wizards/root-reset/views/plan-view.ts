/** Lines of the plan screen: the choices, the warnings, every step with its commands. Pure. */
import { wrapLines } from '../../../lib/wrap-lines.js';
import { toneLines, type ViewGlyphs, type ViewLine } from '../../view-lines.js';
import { field, flavourName } from './detection-view.js';
import { METHOD_LABELS } from './forms.js';
import { outcomeLines, problemLines, runSection } from './run-view.js';
import { MASK } from '../secrets.js';
import type { Plan } from '../types.js';
import type { EarlierRun, Found } from './wizard-state.js';

/** Method, account, socket login and the password (masked), as chosen. */
export function choiceLines(found: Found, width: number): ViewLine[] {
  const { options, detection } = found;
  return [
    ...field('Method', METHOD_LABELS[options.method], width),
    ...field('Account', `${options.user}@${options.host}`, width),
    ...(detection.flavour === 'mariadb'
      ? field(
          'Socket login',
          // The run keeps it only on an account that has it; the result says.
          options.keepSocketLogin
            ? 'kept if the account has it (the result says)'
            : 'removed from the account',
          width,
        )
      : []),
    ...field(
      'New password',
      found.passwordSet ? `${MASK} (typed twice)` : 'not typed yet',
      width,
    ),
  ];
}

export function planLines(
  plan: Plan,
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  const lines: ViewLine[] = [];
  for (const warning of plan.warnings)
    lines.push(
      ...wrapLines(warning, width, { first: `${glyphs.warn} ` }).map(
        (text) => ({ text, tone: 'warn' as const }),
      ),
    );
  lines.push({
    text: `Plan on ${plan.detection.host} (${flavourName(plan.detection)} ${plan.detection.version}): ${plan.steps.length} steps, one detached script`,
    bold: true,
  });
  plan.steps.forEach((step, index) => {
    lines.push(
      ...wrapLines(step.title, width, { first: `${index + 1}. ` }).map(
        (text) => ({ text }),
      ),
    );
    // Indented commands are the lines of the one before (SQL in a file).
    for (const command of step.commands)
      lines.push(
        ...wrapLines(command.trim(), width, {
          first: command.startsWith(' ') ? '       ' : '   $ ',
          rest: command.startsWith(' ') ? '         ' : '     ',
        }).map((text) => ({ text, tone: 'muted' as const })),
      );
  });
  return lines;
}

/** An earlier run whose link dropped: what to do, or how it ended. */
export function earlierLines(
  earlier: EarlierRun,
  width: number,
  glyphs: ViewGlyphs,
  outputRows: number,
): ViewLine[] {
  const head = (text: string, tone: ViewLine['tone']) =>
    toneLines(text, width, tone);
  if (earlier.reading)
    return [
      ...head(
        `Following the earlier run ${earlier.work} to its end${glyphs.ellipsis}`,
        'accent',
      ),
      ...runSection(earlier.run, width, glyphs, outputRows),
    ];
  if (earlier.problem)
    return [
      ...head(`Earlier run ${earlier.work}:`, 'warn'),
      ...problemLines(earlier.problem, width, glyphs),
    ];
  if (earlier.outcome)
    return [
      { text: `Earlier run ${earlier.work} ended:`, bold: true },
      ...outcomeLines(earlier.outcome, width, glyphs),
      ...head('Its directory was removed.', 'muted'),
    ];
  return head(
    `${glyphs.warn} An earlier reset on this server lost its link: ${earlier.work}. l follows it to its end and shows how it left the server; a new reset waits until then.`,
    'warn',
  );
}
