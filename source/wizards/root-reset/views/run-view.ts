/** Lines of the run and result screens: steps, remote output, how it ended. Pure. */
import { wrapLines } from '../../../lib/wrap-lines.js';
import { toneLines, type ViewGlyphs, type ViewLine } from '../../view-lines.js';
import { field } from './detection-view.js';
import { stepTitle } from '../run/script-steps.js';
import type { RemoteOutcome, ResetResult, StepId } from '../types.js';
import type { Problem, RunView, StepView } from './wizard-state.js';

const wrap = toneLines;

function stepLines(
  steps: readonly StepView[],
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  return steps.flatMap((step): ViewLine[] => {
    const mark = {
      done: glyphs.ok,
      skipped: '-',
      running: '>',
      pending: ' ',
      failed: glyphs.error,
    }[step.status];
    const tone = {
      done: 'ok',
      skipped: 'muted',
      running: 'accent',
      pending: 'muted',
      failed: 'error',
    } as const;
    return [
      ...wrap(step.title, width, tone[step.status], `${mark} `),
      ...(step.detail
        ? wrap(step.detail, width, tone[step.status], '    ')
        : []),
    ];
  });
}

/** The last `rows` rows of the remote output, wrapped (the newest matter). */
function outputLines(
  output: readonly string[],
  width: number,
  rows: number,
): ViewLine[] {
  if (rows <= 0) return [];
  const wrapped = output
    .slice(-rows)
    .flatMap((line) => wrapLines(line === '' ? ' ' : line, width - 2))
    .slice(-rows);
  return wrapped.map((text) => ({ text: `  ${text}`, tone: 'muted' }));
}

const stepName = (id: StepId | undefined) =>
  id === undefined ? 'an unknown step' : `"${stepTitle(id)}"`;

const SERVER_STATE: Readonly<Record<RemoteOutcome['serverState'], string>> = {
  running: 'running normally',
  stopped: 'STOPPED: start it with its usual command, then check its error log',
  unknown: 'unknown: check that it runs and answers',
};

const PASSWORD_STATE: Readonly<Record<RemoteOutcome['password'], string>> = {
  new: 'the new password is set',
  old: 'unchanged: the old password still applies',
  unknown: 'unknown: try the new one, then the old one',
};

/** How a run ended on the host: its step, error, server, password and files. */
export function outcomeLines(
  outcome: RemoteOutcome,
  width: number,
  glyphs: ViewGlyphs,
  cancelled = false,
): ViewLine[] {
  const lines: ViewLine[] = outcome.ok
    ? wrap(`${glyphs.ok} The password was changed.`, width, 'ok')
    : wrap(
        cancelled
          ? `${glyphs.warn} Stopped at your request during ${stepName(outcome.failedStep)}.`
          : `${glyphs.error} The reset failed at ${stepName(outcome.failedStep)}.`,
        width,
        cancelled ? 'warn' : 'error',
      );
  if (!outcome.ok && outcome.error)
    lines.push(...field('Remote error', outcome.error, width, 'error'));
  lines.push(
    ...field(
      'Server',
      SERVER_STATE[outcome.serverState],
      width,
      outcome.serverState === 'running' ? 'ok' : 'error',
    ),
    ...field('Password', PASSWORD_STATE[outcome.password], width),
  );
  if (outcome.socketLogin !== undefined)
    lines.push(
      ...field(
        'Socket login',
        outcome.socketLogin
          ? 'kept: OS root gets in over the socket without it'
          : 'not available: OS root needs the password too',
        width,
      ),
    );
  lines.push(
    ...field(
      'Left files',
      outcome.leftFiles.length === 0
        ? 'none'
        : `${outcome.leftFiles.join(', ')} (remove them by hand)`,
      width,
      outcome.leftFiles.length === 0 ? undefined : 'warn',
    ),
  );
  return lines;
}

export function resultLines(
  result: ResetResult,
  width: number,
  glyphs: ViewGlyphs,
  cancelled: boolean,
): ViewLine[] {
  const lines = outcomeLines(result.remote, width, glyphs, cancelled);
  const login = result.tunnelLogin;
  lines.push(
    ...field(
      'Login check',
      login === undefined
        ? 'not made through the tunnel (the server is not running, or no TCP port)'
        : `${login.ok ? glyphs.ok : glyphs.error} ${login.message}`,
      width,
      login === undefined ? 'muted' : login.ok ? 'ok' : 'error',
    ),
  );
  return lines;
}

export function problemLines(
  problem: Problem,
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  return [
    ...wrap(`${glyphs.error} ${problem.message}`, width, 'error'),
    ...(problem.hint ? wrap(problem.hint, width, 'info', '  ') : []),
  ];
}

export function runSection(
  run: RunView,
  width: number,
  glyphs: ViewGlyphs,
  outputRows: number,
): ViewLine[] {
  return [
    { text: 'Steps', bold: true },
    ...stepLines(run.steps, width, glyphs),
    ...(run.output.length === 0
      ? []
      : [
          { text: 'Remote output', bold: true },
          ...outputLines(run.output, width, outputRows),
        ]),
  ];
}
