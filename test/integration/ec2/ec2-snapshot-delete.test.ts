import {
  CreateImageCommand,
  DescribeImagesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnapshotService } from '../../../source/aws/ec2/snapshots.js';
import {
  COPY_REGION,
  WRITE_REGION,
  direct,
  freshSnapshot,
  snapshotExists,
  expectRefusedWithoutCalls,
  labFactory,
  launch,
  moto,
  runMarker,
  useLabProfiles,
  watchSends,
} from './ec2-lab.js';

describe.skipIf(!moto.info)(
  `EBS snapshot delete and input checks against moto${moto.missing}`,
  () => {
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

    it('refuses to delete a snapshot an image is built on, naming the image', async () => {
      const [instanceId = ''] = await launch(directClient, 1);
      const name = `golden-${runMarker()}`;
      const image = await directClient.send(
        new CreateImageCommand({
          InstanceId: instanceId,
          Name: name,
          NoReboot: true,
        }),
      );
      const described = await directClient.send(
        new DescribeImagesCommand({ ImageIds: [image.ImageId ?? ''] }),
      );
      const snapshotId =
        described.Images?.[0]?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
      const { factory } = labFactory(WRITE_REGION);
      const send = await watchSends(factory);
      const refusal = await createSnapshotService(factory)
        .delete(snapshotId)
        .catch((error: unknown) => error);
      expect(refusal).toMatchObject({
        message: `snapshot ${snapshotId} is used by image ${image.ImageId ?? ''} (${name})`,
        hint: `deregister the image first (aws ec2 deregister-image --image-id ${image.ImageId ?? ''} --region us-west-2)`,
      });
      expect(
        send.mock.calls.map(([command]) => command.constructor.name),
      ).not.toContain('DeleteSnapshotCommand');
      expect(await snapshotExists(directClient, snapshotId)).toBe(true);
      factory.destroy();
    });

    it('deletes a snapshot no image uses; a dry run keeps it', async () => {
      const id = await freshSnapshot(
        directClient,
        2,
        `to delete ${runMarker()}`,
      );
      const { factory } = labFactory(WRITE_REGION);
      const snapshots = createSnapshotService(factory);
      expect(await snapshots.delete(id, { dryRun: true })).toEqual({
        dryRun: { allowed: true },
      });
      expect(await snapshotExists(directClient, id)).toBe(true);
      expect(await snapshots.delete(id)).toEqual({ result: undefined });
      expect(await snapshotExists(directClient, id)).toBe(false);
      await expect(snapshots.delete(id)).rejects.toThrow(
        `snapshot ${id} not found in us-west-2`,
      );
      factory.destroy();
    });

    it('refuses bad input before any call', async () => {
      const { factory } = labFactory(WRITE_REGION);
      const snapshots = createSnapshotService(factory);
      const send = await watchSends(factory);
      const there = await watchSends(factory, COPY_REGION);
      await expectRefusedWithoutCalls(
        send,
        () => snapshots.delete('vol-12345678'),
        'not a valid snapshot ID',
      );
      await expectRefusedWithoutCalls(
        there,
        () => snapshots.copy('snap-12345678', { targetRegion: 'sydney' }),
        '"sydney" is not a region code',
      );
      await expectRefusedWithoutCalls(
        there,
        () =>
          snapshots.copy('snap-12345678', {
            targetRegion: COPY_REGION,
            encrypted: false,
            kmsKeyId: 'alias/backup',
          }),
        'a KMS key is only used for an encrypted copy',
      );
      await expectRefusedWithoutCalls(
        send,
        () =>
          snapshots.createVolume('snap-12345678', {
            az: 'us-west-2a',
            type: 'sc2',
          }),
        'not an EBS volume type',
      );
      factory.destroy();
    });
  },
);
