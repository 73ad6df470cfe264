/**
 * Attach and detach, with the checks a sysadmin expects before the call:
 * same zone, volume available, device letter free on the instance. EC2
 * enforces some of these itself, emulators often none.
 */
import { UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { ec2Context, ec2Write } from './ec2-errors.js';
import { describeInstance, describeVolume } from './lookups.js';
import type { VolumeService } from './types.js';
import {
  checkDevice,
  checkInstanceId,
  checkVolumeId,
  deviceLetter,
  suggestDevice,
} from './validate.js';

type VolumeAttach = Pick<VolumeService, 'attach' | 'detach'>;

export function createVolumeAttach(factory: AwsClientFactory): VolumeAttach {
  const sdk = () => import('./ec2-sdk.js');
  return {
    async attach(volumeId, instanceId, device, write) {
      checkVolumeId(volumeId);
      checkInstanceId(instanceId);
      checkDevice(device);
      const client = await factory.ec2();
      const [volume, instance] = await Promise.all([
        describeVolume(factory, client, volumeId),
        describeInstance(factory, client, instanceId),
      ]);
      // io1/io2 Multi-Attach volumes may be attached to several instances.
      const shared = volume.MultiAttachEnabled === true;
      const current = volume.Attachments?.[0];
      if (current !== undefined && !shared)
        throw new UserError(
          `volume ${volumeId} is already attached to ${current.InstanceId ?? 'an instance'} as ${current.Device ?? '?'}`,
          { hint: 'detach it first' },
        );
      if (volume.State !== 'available' && !shared)
        throw new UserError(
          `volume ${volumeId} is ${volume.State ?? 'in an unknown state'}: only an available volume can be attached`,
        );
      const state = instance.State?.Name ?? '';
      if (state === 'shutting-down' || state === 'terminated')
        throw new UserError(`instance ${instanceId} is ${state}`, {
          hint: 'attach the volume to another instance',
        });
      const volumeZone = volume.AvailabilityZone ?? '';
      const instanceZone = instance.Placement?.AvailabilityZone ?? '';
      if (volumeZone !== instanceZone)
        throw new UserError(
          `volume ${volumeId} is in ${volumeZone} but instance ${instanceId} is in ${instanceZone}`,
          {
            hint: `a volume attaches only in its own zone: snapshot it and create a volume from the snapshot in ${instanceZone}`,
          },
        );
      const used = [
        ...(instance.BlockDeviceMappings ?? []).map(
          (mapping) => mapping.DeviceName ?? '',
        ),
        instance.RootDeviceName ?? '',
      ].filter((name) => name !== '');
      const clash = used.find(
        (name) => deviceLetter(name) === deviceLetter(device),
      );
      if (clash !== undefined) {
        const free = suggestDevice(used);
        throw new UserError(
          `device ${device} is already in use on ${instanceId} (${clash})`,
          {
            hint:
              free === undefined
                ? 'no device from /dev/sdf to /dev/sdp is free'
                : `use ${free}`,
          },
        );
      }
      const { AttachVolumeCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'AttachVolume', volumeId),
        write,
        async (DryRun) => {
          await client.send(
            new AttachVolumeCommand({
              VolumeId: volumeId,
              InstanceId: instanceId,
              Device: device,
              DryRun,
            }),
          );
        },
      );
    },

    async detach(volumeId, detach, write) {
      checkVolumeId(volumeId);
      const client = await factory.ec2();
      const volume = await describeVolume(factory, client, volumeId);
      const attachment = volume.Attachments?.[0];
      if (attachment === undefined)
        throw new UserError(`volume ${volumeId} is not attached`, {
          hint: 'refresh with Ctrl+R to see its current state',
        });
      const { DetachVolumeCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'DetachVolume', volumeId),
        write,
        async (DryRun) => {
          // Naming the instance and device makes EC2 refuse if the volume
          // moved in the meantime, rather than detach it from elsewhere.
          await client.send(
            new DetachVolumeCommand({
              VolumeId: volumeId,
              InstanceId: attachment.InstanceId,
              Device: attachment.Device,
              Force: detach.force,
              DryRun,
            }),
          );
        },
      );
    },
  };
}
