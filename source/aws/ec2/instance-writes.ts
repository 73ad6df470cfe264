/** Instance writes on one instance or a few resources: image, snapshots, tags. */
import type { Tag } from '@aws-sdk/client-ec2';
import type { AwsClientFactory } from '../client-factory.js';
import { UserError } from '../../lib/errors.js';
import { dryRunVerdict, ec2Call, ec2Context, ec2Write } from './ec2-errors.js';
import type { InstanceService } from './types.js';
import {
  checkDescription,
  checkImageName,
  checkInstanceId,
  checkTagChanges,
  checkTaggableId,
} from './validate.js';

type InstanceWrites = Pick<
  InstanceService,
  'createImage' | 'snapshotAll' | 'setTags'
>;

export function createInstanceWrites(
  factory: AwsClientFactory,
): InstanceWrites {
  const sdk = () => import('./ec2-sdk.js');
  return {
    async createImage(id, image, write) {
      checkInstanceId(id);
      checkImageName(image.name);
      if (image.description !== undefined) checkDescription(image.description);
      const client = await factory.ec2();
      const { CreateImageCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'CreateImage', id),
        write,
        async (dryRun) => {
          const created = await client.send(
            new CreateImageCommand({
              InstanceId: id,
              Name: image.name,
              NoReboot: image.noReboot,
              Description: image.description,
              DryRun: dryRun,
            }),
          );
          return { imageId: created.ImageId ?? '' };
        },
      );
    },

    async snapshotAll(id, snapshot, write) {
      checkInstanceId(id);
      checkDescription(snapshot.description);
      const tags = Object.entries(snapshot.tags ?? {});
      if (tags.length > 0) checkTagChanges(snapshot.tags ?? {}, []);
      const client = await factory.ec2();
      const { CreateSnapshotsCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'CreateSnapshots', id),
        write,
        async (dryRun) => {
          const created = await client.send(
            new CreateSnapshotsCommand({
              InstanceSpecification: {
                InstanceId: id,
                ExcludeBootVolume: snapshot.excludeBoot === true,
                ...(snapshot.excludeVolumeIds?.length
                  ? { ExcludeDataVolumeIds: [...snapshot.excludeVolumeIds] }
                  : {}),
              },
              CopyTagsFromSource: 'volume',
              // Applied in the same call, so the snapshots never exist untagged.
              ...(tags.length === 0
                ? {}
                : {
                    TagSpecifications: [
                      {
                        ResourceType: 'snapshot',
                        Tags: tags.map(([Key, Value]) => ({ Key, Value })),
                      },
                    ],
                  }),
              Description: snapshot.description,
              DryRun: dryRun,
            }),
          );
          const snapshots = (created.Snapshots ?? []).flatMap((made) =>
            made.SnapshotId === undefined
              ? []
              : [
                  {
                    snapshotId: made.SnapshotId,
                    volumeId: made.VolumeId ?? '',
                  },
                ],
          );
          return {
            snapshotIds: snapshots.map((made) => made.snapshotId),
            snapshots,
          };
        },
      );
    },

    async setTags(resourceIds, add, remove, write) {
      if (resourceIds.length === 0)
        throw new UserError('no resources chosen to tag');
      resourceIds.forEach(checkTaggableId);
      checkTagChanges(add, remove);
      const toAdd: Tag[] = Object.entries(add).map(([Key, Value]) => ({
        Key,
        Value,
      }));
      if (toAdd.length === 0 && remove.length === 0)
        throw new UserError('no tag changes to make', {
          hint: 'add a key=value or pick a tag to remove',
        });
      const client = await factory.ec2();
      const { CreateTagsCommand, DeleteTagsCommand } = await sdk();
      const Resources = [...resourceIds];
      const target = resourceIds.join(', ');
      const calls = [
        ...(toAdd.length === 0
          ? []
          : [
              {
                context: ec2Context(factory, 'CreateTags', target),
                send: (DryRun: boolean) =>
                  client.send(
                    new CreateTagsCommand({ Resources, Tags: toAdd, DryRun }),
                  ),
              },
            ]),
        ...(remove.length === 0
          ? []
          : [
              {
                context: ec2Context(factory, 'DeleteTags', target),
                send: (DryRun: boolean) =>
                  client.send(
                    new DeleteTagsCommand({
                      Resources,
                      Tags: remove.map((Key) => ({ Key })),
                      DryRun,
                    }),
                  ),
              },
            ]),
      ];
      if (write?.dryRun === true) {
        for (const call of calls) {
          const verdict = await dryRunVerdict(call.context, () =>
            call.send(true),
          );
          if (!verdict.allowed) return { dryRun: verdict };
        }
        return { dryRun: { allowed: true } };
      }
      for (const call of calls)
        await ec2Call(call.context, () => call.send(false));
      return { result: undefined };
    },
  };
}
