/** What `opsdeck ebs-copy` prints: problems and plan, progress lines, runs, the summary. */
import { jsonLine, type CommandIo } from '../command-io.js';
import type { Preflight } from '../../wizards/ebs-copy/types.js';
import type {
  PlanStep,
  RunEvent,
  RunListing,
  RunSummary,
} from '../../wizards/ebs-copy/run-types.js';

export function printPlan(
  preflight: Preflight,
  plan: readonly PlanStep[],
  json: boolean,
  io: CommandIo,
): void {
  if (json) {
    io.out(jsonLine({ ok: preflight.ok, problems: preflight.problems, plan }));
    return;
  }
  if (preflight.account !== undefined) io.err(`account ${preflight.account}`);
  for (const problem of preflight.problems) {
    io.err(`${problem.severity}: ${problem.message}`);
    io.err(`  -> ${problem.fix}`);
  }
  if (plan.length > 0 && preflight.ok)
    for (const line of ['plan:', ...describePlan(plan)]) io.err(line);
}

/** One stderr line per step change, and per change of its percentage. */
export function progressPrinter(io: CommandIo): (event: RunEvent) => void {
  let last = '';
  return (event) => {
    const line =
      event.type === 'step-started'
        ? `${event.stepId}: ${event.title}`
        : event.type === 'step-progress'
          ? `${event.stepId}: ${event.state}${event.percent === undefined ? '' : ` ${event.percent}%`}`
          : event.type === 'step-skipped'
            ? `${event.stepId}: ${event.reason}`
            : event.type === 'step-done'
              ? `${event.stepId}: done`
              : `${event.stepId}: ${event.type === 'resource-found' ? 'found' : 'created'} ${event.resource.type} ${event.resource.id}`;
    if (line !== last) io.err(line);
    last = line;
  };
}

export function printRuns(
  runs: readonly RunListing[],
  json: boolean,
  io: CommandIo,
): void {
  if (json) {
    io.out(jsonLine(runs));
    return;
  }
  if (runs.length === 0) io.out('no region copies yet');
  for (const run of runs)
    io.out(
      `${run.runId}  ${run.state.padEnd(11)}  ${run.source.kind} ${run.source.id} ${run.source.region} -> ${run.targetRegion}  ${run.stepsDone}/${run.stepsTotal} steps  ${run.updatedAt}${run.error === undefined ? '' : `\n  ${run.error}`}`,
    );
}

export function printSummary(
  summary: RunSummary,
  json: boolean,
  io: CommandIo,
): void {
  if (json) {
    io.out(jsonLine(summary));
    return;
  }
  io.out(`run ${summary.runId}: ${summary.state}`);
  for (const resource of summary.target)
    io.out(
      `  ${resource.region}  ${resource.type} ${resource.id}${resource.intermediate ? ' (intermediate)' : ''}`,
    );
  if (summary.leftovers.length > 0) {
    io.out('left over (remove when no longer needed):');
    for (const resource of summary.leftovers)
      io.out(`  ${resource.region}  ${resource.type} ${resource.id}`);
  }
  for (const note of summary.notes) io.out(`note: ${note}`);
}

/** Lines per step for text output: "2. Copy the snapshot to ...", then what it creates. */
function describePlan(steps: readonly PlanStep[]): string[] {
  return steps.flatMap((step, index) => {
    const creates = step.creates
      .map(
        (made) =>
          `${made.type} in ${made.region}${made.intermediate ? ' (intermediate)' : ''}`,
      )
      .join(', ');
    const title = `${index + 1}. ${step.title}`;
    return creates === '' ? [title] : [title, `     creates: ${creates}`];
  });
}
