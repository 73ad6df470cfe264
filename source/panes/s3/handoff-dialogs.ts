/**
 * What the sync plan says when a copy is big enough for AWS's own engines:
 * the offers in the plan, where to run it, the role and report bucket an
 * engine needs, and the confirmation that names what will be created. Pure.
 */
import type { FormSpec } from '../../lib/form.js';
import { wrapLines } from '../../lib/wrap-lines.js';
import type { PickRequest } from '../../lib/pick-request.js';
import type {
  BatchCopyRequest,
  DataSyncCopyRequest,
  HandoffEngine,
} from '../../aws/s3jobs/types.js';
import { checkLocationBucket } from '../../aws/s3/bucket-names.js';
import { roleArnProblem } from '../../config/handoff-defaults.js';
import type { ConfirmRequest } from '../../safety/confirm.js';
import { checked } from '../../lib/form.js';
import {
  describeOffer,
  formatDollars,
  type HandoffDecision,
  type HandoffOffer,
} from '../../s3sync/handoff/decide.js';
import { roleSetting } from '../../s3sync/handoff/handoff-requests.js';

/** The plan dialog's text width at 80 columns: 76 wide, border, padding, indent. */
const PLAN_WIDTH = 70;

/** "Here" in the choice of where a large copy runs. */
export const RUN_HERE = 'here';

/** The offers, wrapped to the plan dialog: the why, then one block per engine. */
function offerLines(decision: HandoffDecision, width = PLAN_WIDTH): string[] {
  return [
    ...wrapLines(`Large copy: ${decision.why}`, width),
    ...wrapLines(
      'AWS can run it (* recommended, x not ready as it is: see why):',
      width,
    ),
    ...decision.offers.flatMap((offer) =>
      wrapLines(describeOffer(offer), width, { rest: '    ' }),
    ),
  ];
}

/** The plan dialog of a large copy: the offers first, and yes leads to the choice. */
export function withOffers(
  plan: ConfirmRequest,
  decision: HandoffDecision,
): ConfirmRequest {
  return {
    ...plan,
    targets: [...offerLines(decision), ...plan.targets],
    warnings: [
      ...(plan.warnings ?? []),
      "Yes chooses where the copy runs: here, or on one of AWS's engines.",
    ],
    action: 'Choose where',
  };
}

/** The label's mark (* or x) says whether it is recommended or not available. */
function offerDetail(offer: HandoffOffer): string {
  return `${offer.recommended ? 'recommended: ' : ''}${offer.reason}`;
}

export function runChoice(
  decision: HandoffDecision,
  objects: number,
): PickRequest {
  return {
    title: `Where should the copy of ${objects.toLocaleString('en-US')} objects run?`,
    items: [
      {
        id: RUN_HERE,
        label: 'here, through opsdeck',
        detail: 'server-side copies, as planned',
      },
      ...decision.offers.map((offer) => ({
        id: offer.engine,
        label: `${offer.recommended ? '* ' : offer.allowed ? '' : 'x '}${offer.title}`,
        detail: offerDetail(offer),
      })),
    ],
  };
}

/** The role (and for Batch Operations the report bucket), filled from the config. */
export function handoffForm(
  engine: HandoffEngine,
  defaults: {
    readonly roleArn?: string | undefined;
    readonly reportBucket: string;
  },
): FormSpec {
  const missing = defaults.roleArn === undefined;
  return {
    title:
      engine === 'batch'
        ? 'S3 Batch Operations: the role and the report bucket'
        : 'DataSync: the role it acts as',
    submitLabel: 'Next',
    fields: [
      {
        name: 'roleArn',
        label: 'IAM role',
        initial: defaults.roleArn ?? '',
        placeholder: 'arn:aws:iam::<account>:role/<name>',
        hint: missing
          ? `${roleSetting(engine)} is not set in config.yaml: name the role here`
          : `from ${roleSetting(engine)} in config.yaml`,
        validate: (value) => roleArnProblem(value.trim()),
      },
      ...(engine === 'batch'
        ? [
            {
              name: 'reportBucket',
              label: 'Report to',
              initial: defaults.reportBucket,
              hint: 'the bucket for the manifest and the failure report (handoff.reportBucket)',
              validate: (value: string) =>
                checked(() => checkLocationBucket(value.trim())),
            },
          ]
        : []),
    ],
  };
}

export function batchConfirm(
  request: BatchCopyRequest,
  offer: HandoffOffer | undefined,
  caveats: readonly string[],
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: 'Create an S3 Batch Operations copy job',
    targets: [
      `copy ${request.keys.length.toLocaleString('en-US')} planned keys of s3://${request.sourceBucket}`,
      `  to s3://${request.targetBucket}/${request.targetPrefix ?? ''}`,
      `manifest and failure report: s3://${request.reportBucket}/opsdeck-jobs/`,
      `role: ${request.roleArn}`,
      `in ${request.targetRegion}, priority ${request.priority}`,
      ...costLine(offer),
    ],
    warnings: caveats,
    action: 'Create job',
  };
}

export function dataSyncConfirm(
  request: DataSyncCopyRequest,
  offer: HandoffOffer | undefined,
  caveats: readonly string[],
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: 'Create an AWS DataSync task and start it',
    targets: [
      `from s3://${request.sourceBucket}/${request.sourcePrefix ?? ''}`,
      `  to s3://${request.targetBucket}/${request.targetPrefix ?? ''}`,
      `two S3 locations, a task and its execution in ${request.sourceRegion}`,
      `role: ${request.roleArn}`,
      ...costLine(offer),
    ],
    warnings: caveats,
    action: 'Create task',
  };
}

function costLine(offer: HandoffOffer | undefined): string[] {
  if (offer === undefined) return [];
  return [
    `billed to the account: about ${formatDollars(offer.estimatedCost)} (${formatDollars(offer.costPerMillion)} per million objects)`,
  ];
}
