import {
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Volume,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VolumeRow } from '../../../source/aws/ec2/types.js';
import { createVolumeService } from '../../../source/aws/ec2/volumes.js';
import {
  WRITE_REGION,
  direct,
  labFactory,
  launch,
  moto,
  resultOf,
  runMarker,
  useLabProfiles,
  watchSends,
} from './ec2-lab.js';

const signal = new AbortController().signal;

describe.skipIf(!moto.info)(`EBS volumes against moto${moto.missing}`, () => {
  useLabProfiles();
  let directClient: EC2Client;
  beforeAll(() => {
    directClient = direct(WRITE_REGION);
  });
  afterAll(() => directClient.destroy());

  async function volume(id: string): Promise<Volume | undefined> {
    const found = await directClient
      .send(new DescribeVolumesCommand({ VolumeIds: [id] }))
      .catch(() => ({ Volumes: [] }));
    return found.Volumes?.[0];
  }

  it('lists the seeded volumes of us-east-1', async () => {
    const { factory } = labFactory('us-east-1');
    const page = await createVolumeService(factory).list(undefined, signal);
    const byName = new Map(page.rows.map((row) => [row.name, row]));
    expect(byName.get('web-1-data')).toMatchObject({
      size: 100,
      type: 'gp3',
      encrypted: true,
      state: 'in-use',
      attachments: [
        expect.objectContaining({ device: '/dev/sdf', instanceName: 'web-1' }),
      ],
    });
    expect(byName.get('scratch-old')).toMatchObject({
      size: 50,
      state: 'available',
      attachments: [],
    });
    factory.destroy();
  });

  it('asks for pages of the chosen size and follows the token', async () => {
    const marker = runMarker();
    const { factory } = labFactory(WRITE_REGION);
    const volumes = createVolumeService(factory, { pageSize: 5 });
    const created: string[] = [];
    for (let index = 0; index < 12; index++)
      created.push(
        resultOf(
          await volumes.create({
            az: 'us-west-2a',
            size: 1,
            type: 'gp3',
            name: `page-${marker}-${index}`,
          }),
        ).volumeId,
      );
    const send = await watchSends(factory);
    const rows: VolumeRow[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await volumes.list(cursor, signal);
      rows.push(...page.rows);
      cursor = page.next;
      pages++;
    } while (cursor !== undefined && pages < 50);
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(created));
    expect(
      rows.filter((row) => row.name.startsWith(`page-${marker}`)),
    ).toHaveLength(12);
    // moto ignores MaxResults for volumes (one page); the request still asks for 5.
    const first = send.mock.calls[0]?.[0].input as { MaxResults?: number };
    expect(first.MaxResults).toBe(5);
    factory.destroy();
  });

  it('creates, attaches, snapshots, grows, detaches and deletes', async () => {
    const [instanceId = ''] = await launch(directClient, 1, {
      zone: 'us-west-2a',
    });
    const { factory } = labFactory(WRITE_REGION);
    const volumes = createVolumeService(factory);
    const name = `data-${runMarker()}`;
    const { volumeId } = resultOf(
      await volumes.create({
        az: 'us-west-2a',
        size: 10,
        type: 'gp3',
        iops: 4000,
        name,
      }),
    );
    expect(await volume(volumeId)).toMatchObject({
      Size: 10,
      VolumeType: 'gp3',
      Iops: 4000,
      Tags: [{ Key: 'Name', Value: name }],
    });

    resultOf(await volumes.attach(volumeId, instanceId, '/dev/sdg'));
    expect((await volume(volumeId))?.Attachments?.[0]).toMatchObject({
      InstanceId: instanceId,
      Device: '/dev/sdg',
    });

    const { snapshotId } = resultOf(
      await volumes.snapshot(volumeId, {
        description: `${name} before growth`,
        tags: { Name: name },
      }),
    );
    const snapshot = await directClient.send(
      new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }),
    );
    expect(snapshot.Snapshots?.[0]).toMatchObject({
      VolumeId: volumeId,
      Description: `${name} before growth`,
      Tags: [{ Key: 'Name', Value: name }],
    });

    resultOf(await volumes.modify(volumeId, { size: 20 }));
    expect((await volume(volumeId))?.Size).toBe(20);

    await expect(volumes.delete(volumeId)).rejects.toThrow(
      `volume ${volumeId} is attached to an instance`,
    );
    resultOf(await volumes.detach(volumeId, { force: false }));
    expect((await volume(volumeId))?.State).toBe('available');
    await expect(volumes.detach(volumeId, { force: false })).rejects.toThrow(
      `volume ${volumeId} is not attached`,
    );

    resultOf(await volumes.delete(volumeId));
    expect(await volume(volumeId)).toBeUndefined();
    factory.destroy();
  });

  it('lists the availability zones of the region', async () => {
    const { factory } = labFactory(WRITE_REGION);
    const zones = await createVolumeService(factory).availabilityZones(signal);
    expect(zones).toEqual(expect.arrayContaining(['us-west-2a', 'us-west-2b']));
    expect(zones.every((zone) => zone.startsWith('us-west-2'))).toBe(true);
    factory.destroy();
  });
});
