/**
 * EBS volumes: paged list, create (also from a snapshot), attach and detach
 * (volume-attach.ts), snapshot, grow or retype, delete, and the zones to
 * create in.
 */
import type { VolumeType } from '@aws-sdk/client-ec2';
import { UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { takePage } from './calls.js';
import { ec2Call, ec2Context, ec2Write } from './ec2-errors.js';
import { instanceNames } from './instance-names.js';
import { describeSnapshot, describeVolume } from './lookups.js';
import { toVolumeRow } from './rows.js';
import type { VolumeService } from './types.js';
import { createVolumeAttach } from './volume-attach.js';
import {
  checkDescription,
  checkPerformance,
  checkSizeFromSnapshot,
  checkSizeGrows,
  checkSnapshotId,
  checkTagChanges,
  checkVolumeId,
  checkVolumeSize,
  checkVolumeType,
  checkZone,
} from './validate.js';

export function createVolumeService(
  factory: AwsClientFactory,
  options: { pageSize?: number } = {},
): VolumeService {
  const pageSize = options.pageSize ?? 200;
  const region = factory.settings.region;
  const sdk = () => import('./ec2-sdk.js');

  return {
    async list(cursor, signal) {
      return ec2Call(ec2Context(factory, 'DescribeVolumes'), async () => {
        const client = await factory.ec2();
        const { paginateDescribeVolumes } = await sdk();
        const pages = paginateDescribeVolumes(
          { client, pageSize, startingToken: cursor },
          {},
          { abortSignal: signal },
        );
        const page = await takePage(pages, signal);
        const rows = (page?.Volumes ?? []).map((volume) =>
          toVolumeRow(volume, region),
        );
        const names = await instanceNames(
          client,
          rows.flatMap((row) => row.attachments.map((a) => a.instanceId)),
          signal,
        );
        return {
          rows: rows.map((row) => ({
            ...row,
            attachments: row.attachments.map((attachment) => ({
              ...attachment,
              instanceName: names.get(attachment.instanceId),
            })),
          })),
          next: page?.NextToken,
        };
      });
    },

    async create(spec, write) {
      checkZone(spec.az, region);
      checkVolumeType(spec.type);
      checkPerformance(spec.type, spec.iops, spec.throughput);
      if (spec.snapshotId !== undefined) checkSnapshotId(spec.snapshotId);
      else if (spec.size === undefined)
        throw new UserError('a new empty volume needs a size', {
          hint: 'give the size in GiB',
        });
      if (spec.size !== undefined) checkVolumeSize(spec.type, spec.size);
      if (spec.kmsKeyId !== undefined && spec.encrypted === false)
        throw new UserError('a KMS key is only used for an encrypted volume', {
          hint: 'turn encryption on, or leave the key out',
        });
      if (spec.name !== undefined) checkTagChanges({ Name: spec.name }, []);
      const client = await factory.ec2();
      if (spec.snapshotId !== undefined) {
        const snapshot = await describeSnapshot(
          factory,
          client,
          spec.snapshotId,
        );
        const snapshotSize = snapshot.VolumeSize ?? 0;
        if (spec.size === undefined) checkVolumeSize(spec.type, snapshotSize);
        else checkSizeFromSnapshot(spec.size, snapshotSize, spec.snapshotId);
      }
      const { CreateVolumeCommand } = await sdk();
      const encrypted = spec.encrypted === true || spec.kmsKeyId !== undefined;
      return ec2Write(
        ec2Context(factory, 'CreateVolume', spec.snapshotId),
        write,
        async (DryRun) => {
          const created = await client.send(
            new CreateVolumeCommand({
              AvailabilityZone: spec.az,
              Size: spec.size,
              VolumeType: spec.type as VolumeType,
              Iops: spec.iops,
              Throughput: spec.throughput,
              SnapshotId: spec.snapshotId,
              ...(encrypted ? { Encrypted: true } : {}),
              KmsKeyId: spec.kmsKeyId,
              ...(spec.name === undefined
                ? {}
                : {
                    TagSpecifications: [
                      {
                        ResourceType: 'volume',
                        Tags: [{ Key: 'Name', Value: spec.name }],
                      },
                    ],
                  }),
              DryRun,
            }),
          );
          return { volumeId: created.VolumeId ?? '' };
        },
      );
    },

    ...createVolumeAttach(factory),

    async snapshot(volumeId, snapshot, write) {
      checkVolumeId(volumeId);
      checkDescription(snapshot.description);
      checkTagChanges(snapshot.tags, []);
      const client = await factory.ec2();
      const { CreateSnapshotCommand } = await sdk();
      const Tags = Object.entries(snapshot.tags).map(([Key, Value]) => ({
        Key,
        Value,
      }));
      return ec2Write(
        ec2Context(factory, 'CreateSnapshot', volumeId),
        write,
        async (DryRun) => {
          const created = await client.send(
            new CreateSnapshotCommand({
              VolumeId: volumeId,
              Description: snapshot.description,
              ...(Tags.length === 0
                ? {}
                : { TagSpecifications: [{ ResourceType: 'snapshot', Tags }] }),
              DryRun,
            }),
          );
          return { snapshotId: created.SnapshotId ?? '' };
        },
      );
    },

    async modify(volumeId, change, write) {
      checkVolumeId(volumeId);
      if (change.type !== undefined) checkVolumeType(change.type);
      if (
        change.size === undefined &&
        change.type === undefined &&
        change.iops === undefined &&
        change.throughput === undefined
      )
        throw new UserError('nothing to change', {
          hint: 'give a new size, type, IOPS or throughput',
        });
      const client = await factory.ec2();
      const volume = await describeVolume(factory, client, volumeId);
      const type = change.type ?? volume.VolumeType ?? '';
      const currentSize = volume.Size ?? 0;
      checkPerformance(type, change.iops, change.throughput);
      if (change.size !== undefined) checkSizeGrows(currentSize, change.size);
      checkVolumeSize(type, change.size ?? currentSize);
      const { ModifyVolumeCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'ModifyVolume', volumeId),
        write,
        async (DryRun) => {
          await client.send(
            new ModifyVolumeCommand({
              VolumeId: volumeId,
              Size: change.size,
              VolumeType: change.type as VolumeType | undefined,
              Iops: change.iops,
              Throughput: change.throughput,
              DryRun,
            }),
          );
        },
      );
    },

    async delete(volumeId, write) {
      checkVolumeId(volumeId);
      const client = await factory.ec2();
      const { DeleteVolumeCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'DeleteVolume', volumeId),
        write,
        async (DryRun) => {
          await client.send(
            new DeleteVolumeCommand({ VolumeId: volumeId, DryRun }),
          );
        },
      );
    },

    async availabilityZones(signal) {
      const client = await factory.ec2();
      const { DescribeAvailabilityZonesCommand } = await sdk();
      const found = await ec2Call(
        ec2Context(factory, 'DescribeAvailabilityZones'),
        () =>
          client.send(new DescribeAvailabilityZonesCommand({}), {
            abortSignal: signal,
          }),
      );
      return (found.AvailabilityZones ?? [])
        .filter(
          (zone) =>
            (zone.State ?? 'available') === 'available' &&
            (zone.ZoneType ?? 'availability-zone') === 'availability-zone',
        )
        .flatMap((zone) => (zone.ZoneName ? [zone.ZoneName] : []))
        .sort();
    },
  };
}
