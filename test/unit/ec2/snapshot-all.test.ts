/**
 * snapshot-all's engine against a mocked EC2: what the CreateSnapshots call
 * asks for, one failing instance leaving the others' work done, an AMI's
 * snapshot kept and named, and no retention on a volume whose new snapshot
 * failed. (moto cannot tie an AMI to a snapshot of a live volume.)
 */
import {
  CreateSnapshotsCommand,
  CreateTagsCommand,
  DeleteSnapshotCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  EC2ServiceException,
  type DescribeImagesCommandInput,
  type DescribeSnapshotsCommandInput,
  type Image,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { snapshotAll } from '../../../source/aws/ec2/snapshot-all/snapshot-all.js';
import { printReport } from '../../../source/commands/ec2/snapshot-all-output.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import { capturedIo } from '../../helpers/command-io.js';

const ec2 = mockClient(EC2Client);
const A = 'i-0aaaaaaaaaaaaaaa1';
const B = 'i-0bbbbbbbbbbbbbbb2';
const NOW = new Date('2026-12-06T04:00:00.000Z');

function factory() {
  return createAwsClientFactory(
    { profile: 'ops', region: 'eu-west-1', endpoint: undefined },
    { guard: createWriteGuard(false), events: createEventLog() },
  );
}

const instance = (id: string, name: string, volumes: string[][]) => ({
  InstanceId: id,
  RootDeviceName: '/dev/xvda',
  Tags: [
    { Key: 'Name', Value: name },
    { Key: 'team', Value: 'ops' },
    { Key: 'aws:autoscaling:groupName', Value: 'asg' },
  ],
  BlockDeviceMappings: volumes.map(([device, volumeId]) => ({
    DeviceName: device,
    Ebs: { VolumeId: volumeId },
  })),
});

const own = (snapshotId: string, volumeId: string, made: string) => ({
  SnapshotId: snapshotId,
  VolumeId: volumeId,
  State: 'completed',
  Tags: [{ Key: 'opsdeck:snapshot-all', Value: made }],
});

const IMAGE: Image = {
  ImageId: 'ami-0golden',
  Name: 'golden',
  BlockDeviceMappings: [
    { DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0000000000000d001' } },
  ],
};

let waitStates: string[];

beforeEach(() => {
  ec2.reset();
  waitStates = ['pending', 'completed'];
  ec2.on(DescribeInstancesCommand).resolves({
    Reservations: [
      {
        Instances: [
          instance(A, 'db-1', [
            ['/dev/xvda', 'vol-a1'],
            ['/dev/sdf', 'vol-a2'],
            ['/dev/sdg', 'vol-a3'],
          ]),
          instance(B, 'db-2', [['/dev/xvda', 'vol-b1']]),
        ],
      },
    ],
  });
  ec2.on(DescribeVolumesCommand).resolves({
    Volumes: [{ VolumeId: 'vol-a2', Tags: [{ Key: 'role', Value: 'data' }] }],
  });
  ec2
    .on(CreateSnapshotsCommand, { InstanceSpecification: { InstanceId: A } })
    .resolves({
      Snapshots: [
        { SnapshotId: 'snap-0000000000000aa01', VolumeId: 'vol-a1' },
        { SnapshotId: 'snap-0000000000000aa02', VolumeId: 'vol-a2' },
      ],
    });
  ec2
    .on(CreateSnapshotsCommand, { InstanceSpecification: { InstanceId: B } })
    .rejects(
      new EC2ServiceException({
        name: 'SnapshotCreationPerVolumeRateExceeded',
        message:
          'The maximum per volume CreateSnapshot request rate has been exceeded.',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
  ec2.on(CreateTagsCommand).resolves({});
  ec2.on(DeleteSnapshotCommand).resolves({});
  ec2
    .on(DescribeImagesCommand)
    .callsFake((input: DescribeImagesCommandInput) => ({
      Images: input.Filters
        ? [IMAGE].filter((image) =>
            image.BlockDeviceMappings?.some((mapping) =>
              input.Filters?.[0]?.Values?.includes(
                mapping.Ebs?.SnapshotId ?? '',
              ),
            ),
          )
        : [IMAGE],
    }));
  ec2
    .on(DescribeSnapshotsCommand)
    .callsFake((input: DescribeSnapshotsCommandInput) => {
      if (input.SnapshotIds)
        return {
          Snapshots: input.SnapshotIds.map((id) => ({
            SnapshotId: id,
            State:
              id === 'snap-0000000000000aa01'
                ? (waitStates.shift() ?? 'completed')
                : 'completed',
            Progress: '100%',
          })),
        };
      const made = (id: string, volumeId: string) =>
        own(id, volumeId, NOW.toISOString());
      return {
        Snapshots: [
          // The new ones are listed once they were made.
          ...(ec2.commandCalls(CreateSnapshotsCommand).length === 0
            ? []
            : [
                made('snap-0000000000000aa01', 'vol-a1'),
                made('snap-0000000000000aa02', 'vol-a2'),
              ]),
          own('snap-0000000000000d001', 'vol-a1', '2026-12-01T04:00:00.000Z'),
          own('snap-0000000000000d002', 'vol-a1', '2026-12-02T04:00:00.000Z'),
          own('snap-0000000000000d003', 'vol-a1', '2026-12-03T04:00:00.000Z'),
          own('snap-0000000000000d004', 'vol-a2', '2026-12-03T04:00:00.000Z'),
          own('snap-0000000000000d005', 'vol-a2', '2026-11-03T04:00:00.000Z'),
          // Another tool's snapshot of the same volume: never retention's business.
          {
            SnapshotId: 'snap-00000000000000ff0',
            VolumeId: 'vol-a2',
            Tags: [],
          },
        ],
      };
    });
});

const request = {
  selector: { tag: { key: 'role', value: 'db' } },
  excludeBoot: false,
  excludeDevices: ['/dev/xvdg'],
  retention: { keep: 2 },
  dryRun: false,
  wait: false,
};

describe('snapshot-all engine', () => {
  it('one call per instance with exclusions and tags; a failed instance is reported, the rest done', async () => {
    const report = await snapshotAll(factory(), request, { now: () => NOW });
    const calls = ec2
      .commandCalls(CreateSnapshotsCommand)
      .map((call) => call.args[0].input);
    expect(calls[0]).toMatchObject({
      InstanceSpecification: {
        InstanceId: A,
        ExcludeBootVolume: false,
        ExcludeDataVolumeIds: ['vol-a3'],
      },
      CopyTagsFromSource: 'volume',
      Description: `opsdeck snapshot-all of ${A} (db-1) /dev/xvda, /dev/sdf at 2026-12-06T04:00:00.000Z`,
      TagSpecifications: [
        {
          ResourceType: 'snapshot',
          Tags: [
            { Key: 'team', Value: 'ops' },
            { Key: 'opsdeck:snapshot-all', Value: '2026-12-06T04:00:00.000Z' },
            { Key: 'opsdeck:instance', Value: A },
          ],
        },
      ],
    });
    const tagged = ec2
      .commandCalls(CreateTagsCommand)
      .map((call) => call.args[0].input);
    expect(tagged).toContainEqual({
      Resources: ['snap-0000000000000aa02'],
      Tags: [
        { Key: 'role', Value: 'data' },
        { Key: 'Name', Value: 'db-1 /dev/sdf 2026-12-06T04:00Z' },
        { Key: 'opsdeck:device', Value: '/dev/sdf' },
      ],
      DryRun: false,
    });
    expect(report.failures).toEqual([
      `${B}: no snapshots made: ec2:CreateSnapshots failed: SnapshotCreationPerVolumeRateExceeded: The maximum per volume CreateSnapshot request rate has been exceeded.`,
    ]);
    // keep 2 on vol-a1: the new one and old3 stay; old2 goes; old1 is the AMI's.
    expect(report.deleted.map((one) => one.snapshotId)).toEqual([
      'snap-0000000000000d002',
      'snap-0000000000000d005',
    ]);
    expect(report.keptForImages).toMatchObject([
      {
        snapshotId: 'snap-0000000000000d001',
        imageId: 'ami-0golden',
        imageName: 'golden',
      },
    ]);
    const deleted = ec2
      .commandCalls(DeleteSnapshotCommand)
      .map((call) => call.args[0].input.SnapshotId);
    expect(deleted).toEqual([
      'snap-0000000000000d002',
      'snap-0000000000000d005',
    ]);
    const io = capturedIo();
    printReport(report, [], false, io);
    expect(io.stdout).toContain(
      'kept snap-0000000000000d001 of vol-a1: image ami-0golden (golden) uses it',
    );
    expect(io.stdout.at(-1)).toBe(
      '2 snapshots made, 2 deleted, 1 kept for images, 1 failed',
    );
    expect(io.stderr).toEqual([
      expect.stringMatching(
        /^failed: i-0bbbbbbbbbbbbbbb2: no snapshots made: /,
      ),
    ]);
  });

  it('--keep-days keeps the young ones whatever the count', async () => {
    const report = await snapshotAll(
      factory(),
      { ...request, retention: { keep: 1, keepDays: 4 } },
      { now: () => NOW },
    );
    // old2 (4 days) and old5 (33 days) are past 4 days and beyond the newest 1.
    expect(report.deleted.map((one) => one.snapshotId)).toEqual([
      'snap-0000000000000d002',
      'snap-0000000000000d005',
    ]);
  });

  it('with wait, a new snapshot that ends in error keeps its volume from retention', async () => {
    waitStates = ['pending', 'error'];
    const seen: string[] = [];
    const report = await snapshotAll(
      factory(),
      { ...request, wait: true },
      {
        now: () => NOW,
        waitIntervalMs: 1,
        onWait: (states) =>
          seen.push(
            states.map((one) => `${one.snapshotId}=${one.state}`).join(' '),
          ),
      },
    );
    expect(seen).toEqual([
      'snap-0000000000000aa01=pending snap-0000000000000aa02=completed',
      'snap-0000000000000aa01=error snap-0000000000000aa02=completed',
    ]);
    expect(report.failures).toContain(
      'snap-0000000000000aa01 of vol-a1 ended error: older snapshots of that volume kept',
    );
    expect(report.deleted.map((one) => one.snapshotId)).toEqual([
      'snap-0000000000000d005',
    ]);
  });

  it('a dry run sends no write at all', async () => {
    const report = await snapshotAll(
      factory(),
      { ...request, dryRun: true },
      { now: () => NOW },
    );
    expect(ec2.commandCalls(CreateSnapshotsCommand)).toEqual([]);
    expect(ec2.commandCalls(CreateTagsCommand)).toEqual([]);
    expect(ec2.commandCalls(DeleteSnapshotCommand)).toEqual([]);
    // The planned snapshot counts as the newest: the same deletions as a real run.
    expect(report.deleted.map((one) => one.snapshotId)).toEqual([
      'snap-0000000000000d002',
      'snap-0000000000000d005',
    ]);
  });
});
