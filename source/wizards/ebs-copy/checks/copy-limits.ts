/**
 * Pre-flight: room for more copies in the target region. AWS runs at most
 * 20 snapshot copies and 100 image copies into one region at once and
 * refuses more with ResourceLimitExceeded; better to say so before the
 * first write than half way through a run.
 */
import {
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { blocker, warning, type ChecksContext } from './problems.js';
import type { CopyRequest, Problem } from '../types.js';

/** Concurrent snapshot copies AWS allows into one region. */
const SNAPSHOT_COPY_LIMIT = 20;
/** Concurrent image copies AWS allows into one region (50 before 2023, at most 25 from one source region). */
const IMAGE_COPY_LIMIT = 100;
/** Above this share of the limit, a warning: other copies may take the rest first. */
const NEAR = 0.8;

interface Room {
  readonly what: string;
  readonly limit: number;
  readonly running: number;
  readonly counted: string;
}

function roomProblems(room: Room, to: string): Problem[] {
  const { what, limit, running, counted } = room;
  if (running + 1 > limit)
    return [
      blocker(
        'copy-limit',
        `${running} ${what} copies are already in progress into ${to} (AWS allows ${limit})`,
        `wait until some finish (${counted}), then run the pre-flight again`,
      ),
    ];
  if (running + 1 > Math.floor(limit * NEAR))
    return [
      warning(
        'copy-limit',
        `${running} ${what} copies are already in progress into ${to}, near the limit of ${limit}`,
        `if other copies start first, EC2 refuses this one (ResourceLimitExceeded); the run then stops and can be resumed once some finish (${counted})`,
      ),
    ];
  return [];
}

async function pendingSnapshots(
  target: EC2Client,
  context: ChecksContext,
  to: string,
): Promise<number> {
  const found = await ec2Call(context('DescribeSnapshots', undefined, to), () =>
    target.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'status', Values: ['pending'] }],
      }),
    ),
  );
  // Counted here as well: some endpoints ignore the status filter.
  return (found.Snapshots ?? []).filter(
    (snapshot) => snapshot.State === 'pending',
  ).length;
}

/** Pending images of the account: copies in progress, and images being made (counted too: an upper bound). */
async function pendingImages(
  target: EC2Client,
  context: ChecksContext,
  to: string,
): Promise<number> {
  const found = await ec2Call(context('DescribeImages', undefined, to), () =>
    target.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [{ Name: 'state', Values: ['pending'] }],
      }),
    ),
  );
  return (found.Images ?? []).filter((image) => image.State === 'pending')
    .length;
}

export async function copyLimitProblems(
  request: CopyRequest,
  target: EC2Client,
  context: ChecksContext,
): Promise<Problem[]> {
  const to = request.target.region;
  const kind = request.source.kind;
  if (
    kind === 'volume' ||
    kind === 'snapshot' ||
    request.registerFromSnapshots === true
  )
    return roomProblems(
      {
        what: 'snapshot',
        limit: SNAPSHOT_COPY_LIMIT,
        running: await pendingSnapshots(target, context, to),
        counted: `the pending snapshots in the Snapshots pane of ${to}`,
      },
      to,
    );
  return roomProblems(
    {
      what: 'image',
      limit: IMAGE_COPY_LIMIT,
      running: await pendingImages(target, context, to),
      counted: `aws ec2 describe-images --owners self --filters Name=state,Values=pending --region ${to}`,
    },
    to,
  );
}
