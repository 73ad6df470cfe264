/** The waits of the wizard's steps: snapshots, images (progress from their snapshots), volumes, instances. */
import {
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { parsePercent, pollUntil, type PollRound } from './poll.js';
import type { StepContext } from './step-context.js';
import { kmsProblem } from '../checks/kms-key.js';
import { MIGRATION_TAG, tagMap } from '../tags.js';

/** A poll with the step's settings, cancellation, resume hint and progress. */
function pollStep(
  ctx: StepContext,
  what: string,
  options: Pick<Parameters<typeof pollUntil>[0], 'round'>,
) {
  return pollUntil({
    what,
    settings: ctx.poll,
    signal: ctx.signal,
    resumeHint: ctx.resumeHint,
    onRound: ctx.progress,
    ...options,
  });
}

function failureText(message: string | undefined, fallback: string): string {
  const text = message?.trim() || fallback;
  return kmsProblem('', text) === undefined
    ? text
    : `${text} (check the KMS key and its grants)`;
}

async function snapshotRound(
  client: EC2Client,
  ids: readonly string[],
): Promise<PollRound> {
  const found = await client.send(
    new DescribeSnapshotsCommand({ SnapshotIds: [...ids] }),
  );
  const snapshots = found.Snapshots ?? [];
  const failed = snapshots.find((snapshot) => snapshot.State === 'error');
  if (failed !== undefined)
    return {
      state: 'error',
      done: false,
      failure: `${failed.SnapshotId ?? '?'}: ${failureText(failed.StateMessage, 'EC2 gives no reason')}`,
    };
  const percents = snapshots.map((snapshot) =>
    snapshot.State === 'completed'
      ? 100
      : (parsePercent(snapshot.Progress) ?? 0),
  );
  const done =
    snapshots.length === ids.length &&
    snapshots.every((snapshot) => snapshot.State === 'completed');
  return {
    state: done ? 'completed' : 'pending',
    percent:
      percents.length === 0
        ? undefined
        : Math.floor(percents.reduce((a, b) => a + b, 0) / percents.length),
    detail: ids.join(', '),
    done,
  };
}

export function waitSnapshots(
  ctx: StepContext,
  client: EC2Client,
  ids: readonly string[],
  what: string,
) {
  return pollStep(ctx, what, {
    round: () => snapshotRound(client, ids),
  });
}

export function imageSnapshotIds(image: Image | undefined): string[] {
  return (image?.BlockDeviceMappings ?? []).flatMap((mapping) =>
    mapping.Ebs?.SnapshotId === undefined ? [] : [mapping.Ebs.SnapshotId],
  );
}

/** Waits until the image is available; progress is that of its snapshots. Returns the image. */
export async function waitImage(
  ctx: StepContext,
  client: EC2Client,
  imageId: string,
  what: string,
): Promise<Image> {
  let last: Image | undefined;
  await pollStep(ctx, what, {
    async round() {
      const found = await client.send(
        new DescribeImagesCommand({ ImageIds: [imageId] }),
      );
      last = found.Images?.[0];
      const state = last?.State ?? 'pending';
      if (['failed', 'error', 'invalid', 'deregistered'].includes(state))
        return {
          state,
          done: false,
          failure: failureText(
            last?.StateReason?.Message,
            `the image is ${state}`,
          ),
        };
      if (state === 'available')
        return { state, percent: 100, done: true, detail: imageId };
      const snapshots = imageSnapshotIds(last);
      if (snapshots.length === 0)
        return { state, done: false, detail: imageId };
      const round = await snapshotRound(client, snapshots);
      // The image turns available a little after its snapshots complete.
      return {
        state,
        percent: Math.min(99, round.percent ?? 0),
        done: false,
        detail: imageId,
      };
    },
  });
  if (last === undefined) throw new Error(`image ${imageId} vanished`);
  if (tagMap(last.Tags)[MIGRATION_TAG] !== ctx.runId)
    // Some endpoints drop tags given at copy time; the run's tags must hold for resume and cleanup.
    await client.send(
      new CreateTagsCommand({ Resources: [imageId], Tags: ctx.tags() }),
    );
  return last;
}

export function waitVolume(
  ctx: StepContext,
  client: EC2Client,
  volumeId: string,
  wanted: 'available' | 'in-use',
) {
  return pollStep(ctx, `volume ${volumeId}`, {
    async round() {
      const found = await client.send(
        new DescribeVolumesCommand({ VolumeIds: [volumeId] }),
      );
      const state = found.Volumes?.[0]?.State ?? 'creating';
      if (state === 'error' || state === 'deleted' || state === 'deleting')
        return { state, done: false, failure: `the volume is ${state}` };
      return { state, done: state === wanted, detail: volumeId };
    },
  });
}

export function waitInstance(
  ctx: StepContext,
  client: EC2Client,
  instanceId: string,
  wanted: 'running' | 'stopped',
) {
  return pollStep(ctx, `instance ${instanceId}`, {
    async round() {
      const found = await client.send(
        new DescribeInstancesCommand({ InstanceIds: [instanceId] }),
      );
      const instance = found.Reservations?.[0]?.Instances?.[0];
      const state = instance?.State?.Name ?? 'pending';
      if (state === 'terminated' || state === 'shutting-down')
        return {
          state,
          done: false,
          failure:
            `it is ${state}: ${instance?.StateReason?.Message ?? ''}`.trim(),
        };
      return { state, done: state === wanted, detail: instanceId };
    },
  });
}
