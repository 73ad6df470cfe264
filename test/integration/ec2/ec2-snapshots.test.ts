import {
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnapshotService } from '../../../source/aws/ec2/snapshots.js';
import type { SnapshotRow } from '../../../source/aws/ec2/types.js';
import {
  COPY_REGION,
  WRITE_REGION,
  direct,
  freshSnapshot,
  snapshotExists,
  labFactory,
  moto,
  resultOf,
  runMarker,
  useLabProfiles,
  watchSends,
} from './ec2-lab.js';

const signal = new AbortController().signal;

describe.skipIf(!moto.info)(`EBS snapshots against moto${moto.missing}`, () => {
  useLabProfiles();
  let directClient: EC2Client;
  let sydney: EC2Client;
  beforeAll(() => {
    directClient = direct(WRITE_REGION);
    sydney = direct(COPY_REGION);
  });
  afterAll(() => {
    directClient.destroy();
    sydney.destroy();
  });

  it('lists the seeded snapshots of us-east-1', async () => {
    const { factory } = labFactory('us-east-1');
    const page = await createSnapshotService(factory).list(undefined, signal);
    const weekly = page.rows.find((row) => row.name === 'web-1-data-weekly');
    expect(weekly).toMatchObject({
      description: 'web-1 data weekly',
      size: 100,
      state: 'completed',
      progress: 100,
      region: 'us-east-1',
    });
    // moto ignores OwnerIds and answers with its ~1,000 public snapshots too;
    // the list keeps this account's own: the seeded ones and those of images.
    expect(page.rows.length).toBeLessThan(50);
    factory.destroy();
  });

  it("asks for this account's snapshots in pages of the chosen size", async () => {
    const description = `listed ${runMarker()}`;
    const id = await freshSnapshot(directClient, 3, description);
    const { factory } = labFactory(WRITE_REGION);
    const send = await watchSends(factory);
    const snapshots = createSnapshotService(factory, { pageSize: 5 });
    const rows: SnapshotRow[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await snapshots.list(cursor, signal);
      rows.push(...page.rows);
      cursor = page.next;
      pages++;
    } while (cursor !== undefined && pages < 50);
    expect(rows.find((row) => row.id === id)).toMatchObject({
      description,
      size: 3,
    });
    // moto answers in one page and ignores OwnerIds; the request asks as AWS expects.
    expect(send.mock.calls[0]?.[0].input).toMatchObject({
      OwnerIds: ['self'],
      MaxResults: 5,
    });
    factory.destroy();
  });

  it('creates a volume from a snapshot, at its size or larger', async () => {
    const id = await freshSnapshot(directClient, 6, `restore ${runMarker()}`);
    const { factory } = labFactory(WRITE_REGION);
    const snapshots = createSnapshotService(factory);
    const same = resultOf(
      await snapshots.createVolume(id, { az: 'us-west-2b', type: 'gp3' }),
    );
    const larger = resultOf(
      await snapshots.createVolume(id, {
        az: 'us-west-2c',
        type: 'gp2',
        size: 9,
      }),
    );
    const found = await directClient.send(
      new DescribeVolumesCommand({
        VolumeIds: [same.volumeId, larger.volumeId],
      }),
    );
    const byId = new Map(
      (found.Volumes ?? []).map((volume) => [volume.VolumeId, volume]),
    );
    expect(byId.get(same.volumeId)).toMatchObject({
      SnapshotId: id,
      Size: 6,
      AvailabilityZone: 'us-west-2b',
    });
    expect(byId.get(larger.volumeId)).toMatchObject({
      SnapshotId: id,
      Size: 9,
      VolumeType: 'gp2',
    });
    const send = await watchSends(factory);
    await expect(
      snapshots.createVolume(id, { az: 'us-west-2a', type: 'gp3', size: 2 }),
    ).rejects.toThrow(
      `a volume from ${id} must be at least 6 GiB (the snapshot's size)`,
    );
    expect(
      send.mock.calls.map(([command]) => command.constructor.name),
    ).toEqual(['DescribeSnapshotsCommand']);
    factory.destroy();
  });

  it('copies a snapshot to another region, and within its own', async () => {
    const id = await freshSnapshot(directClient, 4, `to copy ${runMarker()}`);
    const { factory } = labFactory(WRITE_REGION);
    const snapshots = createSnapshotService(factory);
    expect(
      await snapshots.copy(id, { targetRegion: COPY_REGION }, { dryRun: true }),
    ).toEqual({
      dryRun: { allowed: true },
    });
    const copied = resultOf(
      await snapshots.copy(id, {
        targetRegion: COPY_REGION,
        description: 'dr copy',
      }),
    );
    expect(copied.region).toBe(COPY_REGION);
    const there = await sydney.send(
      new DescribeSnapshotsCommand({ SnapshotIds: [copied.snapshotId] }),
    );
    expect(there.Snapshots?.[0]).toMatchObject({
      Description: 'dr copy',
      VolumeSize: 4,
    });
    expect(await snapshotExists(directClient, copied.snapshotId)).toBe(false);
    const local = resultOf(
      await snapshots.copy(id, { targetRegion: WRITE_REGION }),
    );
    expect(local.region).toBe(WRITE_REGION);
    expect(await snapshotExists(directClient, local.snapshotId)).toBe(true);
    factory.destroy();
  });
});
