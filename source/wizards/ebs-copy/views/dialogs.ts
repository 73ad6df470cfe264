/** What the region-copy wizard's confirmations say. Pure. */
import type { ConfirmRequest } from '../../../safety/confirm.js';
import type { CreatedResource, PlanStep } from '../run-types.js';
import type { CopyRequest, Preflight } from '../types.js';

/** y/N before a run: every resource the plan creates, and the warnings to acknowledge. */
export function startCopyRequest(review: {
  readonly request: CopyRequest;
  readonly preflight: Preflight;
  readonly plan: readonly PlanStep[];
}): ConfirmRequest {
  const warnings = review.preflight.problems
    .filter((problem) => problem.severity === 'warning')
    .map((problem) => `Acknowledge: ${problem.message}`);
  const targets = review.plan.flatMap((step) =>
    step.creates.map(
      (resource) =>
        `${resource.type} in ${resource.region}${resource.intermediate ? ' (intermediate)' : ''}`,
    ),
  );
  return {
    level: 'yes-no',
    title: `Copy ${review.request.source.id} to ${review.request.target.region}: ${targets.length} new resource${targets.length === 1 ? '' : 's'}`,
    targets,
    warnings: [
      ...warnings,
      'They cost money until removed. Nothing is deleted.',
    ],
    action: 'Start copy',
  };
}

/** Typed confirmation for one leftover of a finished run. */
export function deleteLeftoverRequest(
  resource: CreatedResource,
  runId: string,
): ConfirmRequest {
  return {
    level: 'typed',
    title: `Delete ${resource.type} ${resource.id} in ${resource.region}`,
    targets: [`${resource.type} ${resource.id}, made by run ${runId}`],
    warnings: [
      'The copy in the target does not need it. Deleting cannot be undone.',
    ],
    expected: resource.id,
    action: 'Delete',
  };
}

/** y/N before a catch-up sync of a finished bucket copy. */
export function catchUpRequest(buckets: {
  readonly source: string;
  readonly target: string;
}): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Catch-up sync ${buckets.source} to ${buckets.target}`,
    targets: [`s3://${buckets.source}`, `s3://${buckets.target}`],
    warnings: [
      'Copies what is new or changed in the source since the copy; deletes nothing.',
      'Writes that land in the old bucket afterwards still need another catch-up.',
    ],
    action: 'Sync',
  };
}
