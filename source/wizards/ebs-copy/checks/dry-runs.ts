/**
 * Pre-flight, part three: every write of the plan sent once with DryRun.
 * EC2 answers DryRunOperation when the call would be allowed. A KMS key is
 * checked the same way (see kms-key.ts): the copy is dry-run with the key.
 */
import {
  AllocateAddressCommand,
  CopyImageCommand,
  CopySnapshotCommand,
  CreateImageCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  StopInstancesCommand,
  type EC2Client,
  type VolumeType,
} from '@aws-sdk/client-ec2';
import { dryRunAnswers, type DryRun } from './dry-run-answers.js';
import { encryptionFields } from '../steps/steps-volume.js';
import { imageSnapshotIds } from '../run/waits.js';
import type { ChecksContext as Context } from './problems.js';
import type { CopyRequest, Problem, SourceFacts } from '../types.js';
import type { PlanStep } from '../run-types.js';

/** A snapshot of the volume to dry-run CopySnapshot with, when one exists. */
async function someSnapshotOf(
  client: EC2Client,
  volumeId: string,
): Promise<string | undefined> {
  const found = await client
    .send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'volume-id', Values: [volumeId] }],
      }),
    )
    .catch(() => undefined);
  return found?.Snapshots?.find(
    (snapshot) =>
      snapshot.VolumeId === volumeId && snapshot.State === 'completed',
  )?.SnapshotId;
}

/** The first snapshot behind an image, to dry-run the register path's copies with. */
async function firstImageSnapshot(
  client: EC2Client,
  imageId: string,
): Promise<string | undefined> {
  const found = await client
    .send(new DescribeImagesCommand({ ImageIds: [imageId] }))
    .catch(() => undefined);
  return imageSnapshotIds(found?.Images?.[0])[0];
}

export async function dryRunProblems(options: {
  request: CopyRequest;
  facts: SourceFacts;
  plan: readonly PlanStep[];
  source: EC2Client;
  target: EC2Client;
  context: Context;
}): Promise<Problem[]> {
  const { request, facts, plan, source, target, context } = options;
  const from = request.source.region;
  const to = request.target.region;
  const encryption = encryptionFields(
    request.target.encryption,
    facts.encrypted,
  );
  const has = (id: string) => plan.some((step) => step.id === id);
  const runs: DryRun[] = [];
  const add = (
    step: string,
    operation: string,
    client: EC2Client,
    region: string,
    send: (client: EC2Client) => Promise<unknown>,
  ) =>
    runs.push({
      step,
      context: context(operation, facts.id, region),
      send: () => send(client),
    });

  if (has('stop-source'))
    add('stop-source', 'StopInstances', source, from, (c) =>
      c.send(
        new StopInstancesCommand({ InstanceIds: [facts.id], DryRun: true }),
      ),
    );
  if (has('snapshot-source'))
    add('snapshot-source', 'CreateSnapshot', source, from, (c) =>
      c.send(new CreateSnapshotCommand({ VolumeId: facts.id, DryRun: true })),
    );
  // CopySnapshot with a snapshot there is; without one, a volume with the key asks the same of KMS.
  const copyProbe = (step: string, snapshot: string | undefined) => {
    if (snapshot !== undefined)
      add(step, 'CopySnapshot', target, to, (c) =>
        c.send(
          new CopySnapshotCommand({
            SourceRegion: from,
            SourceSnapshotId: snapshot,
            ...encryption,
            DryRun: true,
          }),
        ),
      );
    else if (request.target.encryption.mode === 'kms')
      add(step, 'CreateVolume', target, to, (c) =>
        c.send(
          new CreateVolumeCommand({
            AvailabilityZone: request.target.az ?? `${to}a`,
            Size: 1,
            ...encryption,
            DryRun: true,
          }),
        ),
      );
  };
  if (has('copy-snapshot'))
    copyProbe(
      'copy-snapshot',
      request.source.kind === 'snapshot'
        ? facts.id
        : await someSnapshotOf(source, facts.id),
    );
  if (has('copy-snapshots'))
    copyProbe(
      'copy-snapshots',
      request.source.kind === 'image'
        ? await firstImageSnapshot(source, facts.id)
        : undefined,
    );
  if (has('create-volume') && request.target.az !== undefined)
    add('create-volume', 'CreateVolume', target, to, (c) =>
      c.send(
        new CreateVolumeCommand({
          AvailabilityZone: request.target.az,
          Size: Math.max(1, facts.sizeGiB),
          VolumeType: (request.volumeType ??
            facts.volumeType ??
            'gp3') as VolumeType,
          DryRun: true,
        }),
      ),
    );
  if (has('create-image'))
    add('create-image', 'CreateImage', source, from, (c) =>
      c.send(
        new CreateImageCommand({
          InstanceId: facts.id,
          Name: 'opsdeck pre-flight',
          DryRun: true,
        }),
      ),
    );
  if (has('copy-image') && request.source.kind === 'image')
    add('copy-image', 'CopyImage', target, to, (c) =>
      c.send(
        new CopyImageCommand({
          SourceRegion: from,
          SourceImageId: facts.id,
          Name: 'opsdeck pre-flight',
          ...encryption,
          DryRun: true,
        }),
      ),
    );
  if (has('copy-security-groups'))
    add('copy-security-groups', 'CreateSecurityGroup', target, to, (c) =>
      c.send(
        new CreateSecurityGroupCommand({
          GroupName: 'opsdeck-pre-flight',
          Description: 'pre-flight',
          DryRun: true,
        }),
      ),
    );
  if (has('elastic-ip'))
    add('elastic-ip', 'AllocateAddress', target, to, (c) =>
      c.send(new AllocateAddressCommand({ Domain: 'vpc', DryRun: true })),
    );

  return dryRunAnswers(runs);
}
