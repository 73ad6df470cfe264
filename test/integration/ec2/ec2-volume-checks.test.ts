import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Volume,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVolumeService } from '../../../source/aws/ec2/volumes.js';
import {
  WRITE_REGION,
  direct,
  expectRefusedWithoutCalls,
  labFactory,
  launch,
  moto,
  resultOf,
  runMarker,
  useLabProfiles,
  watchSends,
} from './ec2-lab.js';

describe.skipIf(!moto.info)(
  `EBS volume checks against moto${moto.missing}`,
  () => {
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

    async function rawVolume(zone: string, size: number): Promise<string> {
      const created = await directClient.send(
        new CreateVolumeCommand({
          AvailabilityZone: zone,
          Size: size,
          VolumeType: 'gp3',
        }),
      );
      return created.VolumeId ?? '';
    }

    it('refuses attachments that cannot work, before calling AttachVolume', async () => {
      const [instanceId = ''] = await launch(directClient, 1, {
        zone: 'us-west-2a',
      });
      const { factory } = labFactory(WRITE_REGION);
      const volumes = createVolumeService(factory);
      const first = await rawVolume('us-west-2a', 5);
      resultOf(await volumes.attach(first, instanceId, '/dev/sdf'));
      const second = await rawVolume('us-west-2a', 5);
      const elsewhere = await rawVolume('us-west-2b', 5);
      const send = await watchSends(factory);

      const inUse = await volumes
        .attach(second, instanceId, '/dev/xvdf')
        .catch((error: unknown) => error);
      expect(inUse).toMatchObject({
        message: `device /dev/xvdf is already in use on ${instanceId} (/dev/sdf)`,
        hint: 'use /dev/sdg',
      });
      await expect(
        volumes.attach(elsewhere, instanceId, '/dev/sdh'),
      ).rejects.toMatchObject({
        message: `volume ${elsewhere} is in us-west-2b but instance ${instanceId} is in us-west-2a`,
      });
      await expect(
        volumes.attach(first, instanceId, '/dev/sdh'),
      ).rejects.toThrow(
        `volume ${first} is already attached to ${instanceId} as /dev/sdf`,
      );
      const sent = send.mock.calls.map(([command]) => command.constructor.name);
      expect(sent).not.toContain('AttachVolumeCommand');
      expect(sent).toContain('DescribeVolumesCommand');
      expect((await volume(second))?.State).toBe('available');
      expect((await volume(elsewhere))?.State).toBe('available');
      factory.destroy();
    });

    it('refuses a shrink and a size below the snapshot, before the write', async () => {
      const { factory } = labFactory(WRITE_REGION);
      const volumes = createVolumeService(factory);
      const id = await rawVolume('us-west-2a', 20);
      const snap = await directClient.send(
        new CreateSnapshotCommand({ VolumeId: id }),
      );
      const send = await watchSends(factory);
      await expect(volumes.modify(id, { size: 10 })).rejects.toThrow(
        'a volume cannot shrink from 20 to 10 GiB',
      );
      await expect(
        volumes.create({
          az: 'us-west-2a',
          size: 5,
          type: 'gp3',
          snapshotId: snap.SnapshotId ?? '',
        }),
      ).rejects.toThrow(`must be at least 20 GiB (the snapshot's size)`);
      const sent = send.mock.calls.map(([command]) => command.constructor.name);
      expect(sent.filter((name) => !name.startsWith('Describe'))).toEqual([]);
      expect((await volume(id))?.Size).toBe(20);
      factory.destroy();
    });

    it('answers dry runs without changing anything', async () => {
      const { factory } = labFactory(WRITE_REGION);
      const volumes = createVolumeService(factory);
      const id = await rawVolume('us-west-2a', 8);
      const name = `dry-${runMarker()}`;
      expect(
        await volumes.create(
          { az: 'us-west-2a', size: 8, type: 'gp2', name },
          { dryRun: true },
        ),
      ).toEqual({
        dryRun: { allowed: true },
      });
      expect(await volumes.modify(id, { size: 16 }, { dryRun: true })).toEqual({
        dryRun: { allowed: true },
      });
      expect(await volumes.delete(id, { dryRun: true })).toEqual({
        dryRun: { allowed: true },
      });
      expect(await volume(id)).toMatchObject({ Size: 8, State: 'available' });
      const named = await directClient.send(
        new DescribeVolumesCommand({
          Filters: [{ Name: 'tag:Name', Values: [name] }],
        }),
      );
      expect(named.Volumes).toEqual([]);
      factory.destroy();
    });

    it('refuses bad input before any call', async () => {
      const { factory } = labFactory(WRITE_REGION);
      const volumes = createVolumeService(factory);
      const send = await watchSends(factory);
      await expectRefusedWithoutCalls(
        send,
        () => volumes.create({ az: 'us-west-2a', size: 0, type: 'gp3' }),
        'a gp3 volume must be 1 to 16384 GiB',
      );
      await expectRefusedWithoutCalls(
        send,
        () => volumes.create({ az: 'us-west-2a', size: 100, type: 'st1' }),
        'a st1 volume must be 125 to 16384 GiB',
      );
      await expectRefusedWithoutCalls(
        send,
        () => volumes.create({ az: 'us-east-1a', size: 10, type: 'gp3' }),
        'availability zone us-east-1a is not in us-west-2',
      );
      await expectRefusedWithoutCalls(
        send,
        () => volumes.create({ az: 'us-west-2a', size: 10, type: 'gp9' }),
        '"gp9" is not an EBS volume type',
      );
      await expectRefusedWithoutCalls(
        send,
        () => volumes.create({ az: 'us-west-2a', type: 'gp3' }),
        'a new empty volume needs a size',
      );
      await expectRefusedWithoutCalls(
        send,
        () => volumes.attach('vol-12345678', 'i-12345678', '/dev/sdf1'),
        'not a device name for an EBS volume',
      );
      await expectRefusedWithoutCalls(
        send,
        () => volumes.detach('snap-12345678', { force: true }),
        'not a valid volume ID',
      );
      await expectRefusedWithoutCalls(
        send,
        () => volumes.modify('vol-12345678', {}),
        'nothing to change',
      );
      await expectRefusedWithoutCalls(
        send,
        () =>
          volumes.snapshot('vol-12345678', {
            description: 'x'.repeat(300),
            tags: {},
          }),
        'EC2 takes 255',
      );
      factory.destroy();
    });
  },
);
