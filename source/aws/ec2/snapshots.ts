/**
 * EBS snapshots of this account: paged list, a volume from a snapshot, copy
 * to another region (sent to the target region's endpoint), and delete,
 * refused while an image of this account is built on the snapshot.
 */
import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import { UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { takePage } from './calls.js';
import { ec2Call, ec2Context, ec2Write } from './ec2-errors.js';
import { toSnapshotRow } from './rows.js';
import type { SnapshotService } from './types.js';
import { createVolumeService } from './volumes.js';
import { checkDescription, checkRegion, checkSnapshotId } from './validate.js';

/** Images of this account that are built on the snapshot. */
async function imagesUsing(
  factory: AwsClientFactory,
  client: EC2Client,
  snapshotId: string,
): Promise<Image[]> {
  const { DescribeImagesCommand } = await import('./ec2-sdk.js');
  const context = ec2Context(factory, 'DescribeImages', snapshotId);
  try {
    const found = await client.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [
          { Name: 'block-device-mapping.snapshot-id', Values: [snapshotId] },
        ],
      }),
    );
    return found.Images ?? [];
  } catch (error) {
    // Endpoints that lack the filter fail on the server side (moto answers
    // 500): read this account's images and match the mappings here instead.
    const status = (error as { $metadata?: { httpStatusCode?: number } })
      .$metadata?.httpStatusCode;
    if (status === undefined || status < 500) throw error;
  }
  const all = await ec2Call(context, () =>
    client.send(new DescribeImagesCommand({ Owners: ['self'] })),
  );
  return (all.Images ?? []).filter((image) =>
    (image.BlockDeviceMappings ?? []).some(
      (mapping) => mapping.Ebs?.SnapshotId === snapshotId,
    ),
  );
}

export function createSnapshotService(
  factory: AwsClientFactory,
  options: { pageSize?: number } = {},
): SnapshotService {
  const pageSize = options.pageSize ?? 500;
  const region = factory.settings.region;
  const sdk = () => import('./ec2-sdk.js');
  const volumes = createVolumeService(factory);

  // The account of this session, asked once; undefined when STS cannot say.
  let account: Promise<string | undefined> | undefined;
  const ownAccount = () =>
    (account ??= (async () => {
      try {
        const sts = await factory.sts();
        const { GetCallerIdentityCommand } =
          await import('@aws-sdk/client-sts');
        return (await sts.send(new GetCallerIdentityCommand({}))).Account;
      } catch {
        return undefined;
      }
    })());

  return {
    async list(cursor, signal) {
      return ec2Call(ec2Context(factory, 'DescribeSnapshots'), async () => {
        const client = await factory.ec2();
        const { paginateDescribeSnapshots } = await sdk();
        const pages = paginateDescribeSnapshots(
          { client, pageSize, startingToken: cursor },
          { OwnerIds: ['self'] },
          { abortSignal: signal },
        );
        const page = await takePage(pages, signal);
        const owner = await ownAccount();
        return {
          rows: (page?.Snapshots ?? [])
            // Some EC2-compatible endpoints (moto) ignore OwnerIds: keep our own only.
            .filter(
              (snapshot) =>
                owner === undefined ||
                snapshot.OwnerId === undefined ||
                snapshot.OwnerId === owner,
            )
            .map((snapshot) => toSnapshotRow(snapshot, region)),
          next: page?.NextToken,
        };
      });
    },

    async createVolume(snapshotId, volume, write) {
      checkSnapshotId(snapshotId);
      return volumes.create(
        {
          az: volume.az,
          type: volume.type,
          snapshotId,
          ...(volume.size === undefined ? {} : { size: volume.size }),
        },
        write,
      );
    },

    async copy(snapshotId, copy, write) {
      checkSnapshotId(snapshotId);
      checkRegion(copy.targetRegion);
      if (copy.description !== undefined) checkDescription(copy.description);
      if (copy.kmsKeyId !== undefined && copy.encrypted === false)
        throw new UserError('a KMS key is only used for an encrypted copy', {
          hint: 'turn encryption on, or leave the key out',
        });
      // CopySnapshot runs in the target region; the SDK presigns the source.
      const client = await factory.ec2(copy.targetRegion);
      const { CopySnapshotCommand } = await sdk();
      const encrypted = copy.encrypted === true || copy.kmsKeyId !== undefined;
      return ec2Write(
        // The source region: what EC2 reports missing is the source snapshot.
        ec2Context(factory, 'CopySnapshot', snapshotId),
        write,
        async (DryRun) => {
          const copied = await client.send(
            new CopySnapshotCommand({
              SourceSnapshotId: snapshotId,
              SourceRegion: region,
              Description:
                copy.description ?? `Copy of ${snapshotId} from ${region}`,
              ...(encrypted ? { Encrypted: true } : {}),
              KmsKeyId: copy.kmsKeyId,
              DryRun,
            }),
          );
          return {
            snapshotId: copied.SnapshotId ?? '',
            region: copy.targetRegion,
          };
        },
      );
    },

    async delete(snapshotId, write) {
      checkSnapshotId(snapshotId);
      const client = await factory.ec2();
      const images = await ec2Call(
        ec2Context(factory, 'DescribeImages', snapshotId),
        () => imagesUsing(factory, client, snapshotId),
      );
      const image = images[0];
      if (image !== undefined) {
        const named = image.Name ? ` (${image.Name})` : '';
        throw new UserError(
          `snapshot ${snapshotId} is used by image ${image.ImageId ?? '?'}${named}`,
          {
            hint: `deregister the image first (aws ec2 deregister-image --image-id ${image.ImageId ?? '?'} --region ${region})`,
          },
        );
      }
      const { DeleteSnapshotCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'DeleteSnapshot', snapshotId),
        write,
        async (DryRun) => {
          await client.send(
            new DeleteSnapshotCommand({ SnapshotId: snapshotId, DryRun }),
          );
        },
      );
    },
  };
}
