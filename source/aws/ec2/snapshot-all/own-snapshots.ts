/**
 * The reads retention and --wait need: snapshot-all's own snapshots of some
 * volumes (by its tag), the AMIs of this account by the snapshots they use,
 * and the state of new snapshots until each is completed or failed.
 */
import { UserError } from '../../../lib/errors.js';
import type { AwsClientFactory } from '../../client-factory.js';
import { ec2Call, ec2Context } from '../ec2-errors.js';
import {
  madeAt,
  SNAPSHOT_ALL_TAG,
  type ImageUse,
  type OwnSnapshot,
} from './retention.js';

/** EC2 takes at most 200 values per filter. */
const FILTER_VALUES = 200;

export async function ownSnapshots(
  factory: AwsClientFactory,
  volumeIds: readonly string[],
  signal?: AbortSignal,
): Promise<OwnSnapshot[]> {
  const client = await factory.ec2();
  const { paginateDescribeSnapshots } = await import('../ec2-sdk.js');
  const unique = [...new Set(volumeIds)];
  const found: OwnSnapshot[] = [];
  await ec2Call(ec2Context(factory, 'DescribeSnapshots'), async () => {
    for (let start = 0; start < unique.length; start += FILTER_VALUES) {
      const wanted = unique.slice(start, start + FILTER_VALUES);
      for await (const page of paginateDescribeSnapshots(
        { client },
        {
          OwnerIds: ['self'],
          Filters: [
            { Name: 'tag-key', Values: [SNAPSHOT_ALL_TAG] },
            { Name: 'volume-id', Values: wanted },
          ],
        },
        { abortSignal: signal },
      ))
        for (const snapshot of page.Snapshots ?? []) {
          const tag = snapshot.Tags?.find(
            (one) => one.Key === SNAPSHOT_ALL_TAG,
          );
          // Filters are the server's promise; the tag and volume are checked here too.
          if (
            tag === undefined ||
            snapshot.SnapshotId === undefined ||
            !wanted.includes(snapshot.VolumeId ?? '')
          )
            continue;
          found.push({
            snapshotId: snapshot.SnapshotId,
            volumeId: snapshot.VolumeId ?? '',
            made: madeAt(tag.Value, snapshot.StartTime),
          });
        }
    }
  });
  return found;
}

/** Every snapshot an AMI of this account is built on, with that AMI. */
export async function imagesBySnapshot(
  factory: AwsClientFactory,
  signal?: AbortSignal,
): Promise<Map<string, ImageUse>> {
  const client = await factory.ec2();
  const { DescribeImagesCommand } = await import('../ec2-sdk.js');
  const images = await ec2Call(ec2Context(factory, 'DescribeImages'), () =>
    client.send(new DescribeImagesCommand({ Owners: ['self'] }), {
      abortSignal: signal,
    }),
  );
  const uses = new Map<string, ImageUse>();
  for (const image of images.Images ?? [])
    for (const mapping of image.BlockDeviceMappings ?? []) {
      const snapshotId = mapping.Ebs?.SnapshotId;
      if (snapshotId !== undefined)
        uses.set(snapshotId, {
          imageId: image.ImageId ?? '?',
          imageName: image.Name ?? '',
        });
    }
  return uses;
}

export interface SnapshotProgress {
  readonly snapshotId: string;
  /** pending | completed | error | … */
  readonly state: string;
  /** 0..100 */
  readonly progress: number;
}

/**
 * Polls the snapshots until none is pending; `onUpdate` hears every poll.
 * Cancelled by the signal (the snapshots carry on in EC2 regardless).
 */
export async function waitForSnapshots(
  factory: AwsClientFactory,
  snapshotIds: readonly string[],
  options: {
    readonly intervalMs: number;
    readonly signal?: AbortSignal;
    readonly onUpdate: (states: readonly SnapshotProgress[]) => void;
  },
): Promise<SnapshotProgress[]> {
  if (snapshotIds.length === 0) return [];
  const client = await factory.ec2();
  const { DescribeSnapshotsCommand } = await import('../ec2-sdk.js');
  for (;;) {
    options.signal?.throwIfAborted();
    const found = await ec2Call(
      ec2Context(factory, 'DescribeSnapshots', snapshotIds.join(', ')),
      () =>
        client.send(
          new DescribeSnapshotsCommand({ SnapshotIds: [...snapshotIds] }),
          { abortSignal: options.signal },
        ),
    );
    const states = snapshotIds.map((snapshotId) => {
      const snapshot = found.Snapshots?.find(
        (one) => one.SnapshotId === snapshotId,
      );
      if (snapshot === undefined)
        throw new UserError(`snapshot ${snapshotId} disappeared while waiting`);
      return {
        snapshotId,
        state: snapshot.State ?? 'unknown',
        progress: Number.parseInt(snapshot.Progress ?? '0', 10) || 0,
      };
    });
    options.onUpdate(states);
    if (states.every((one) => one.state !== 'pending')) return states;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, options.intervalMs);
      options.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(options.signal?.reason as Error);
        },
        { once: true },
      );
    });
  }
}
