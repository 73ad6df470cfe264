import {
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  AuthorizeSecurityGroupIngressCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  RunInstancesCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Tag,
} from '@aws-sdk/client-ec2';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEbsCopyEngine } from '../../../source/wizards/ebs-copy/engine.js';
import { createJournalStore } from '../../../source/wizards/ebs-copy/run/journal.js';
import type { CopyRequest } from '../../../source/wizards/ebs-copy/types.js';
import {
  COPY_REGION,
  WRITE_REGION,
  direct,
  labFactory,
  moto,
  runMarker,
  useLabProfiles,
} from '../ec2/ec2-lab.js';
import type { RunEvent } from '../../../source/wizards/ebs-copy/run-types.js';

const tags = (list: Tag[] | undefined): Record<string, string> =>
  Object.fromEntries(
    (list ?? []).map((tag): [string, string] => [
      tag.Key ?? '',
      tag.Value ?? '',
    ]),
  );

describe.skipIf(!moto.info)(
  `ebs-copy paths against moto${moto.missing}`,
  () => {
    useLabProfiles();
    let dir: string;
    let source: EC2Client;
    let target: EC2Client;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'opsdeck-ebs-copy-'));
      source = direct(WRITE_REGION);
      target = direct(COPY_REGION);
    });
    afterAll(async () => {
      source.destroy();
      target.destroy();
      await rm(dir, { recursive: true, force: true });
    });

    function engine() {
      const { factory } = labFactory(WRITE_REGION);
      return {
        factory,
        engine: createEbsCopyEngine({
          factory,
          journals: createJournalStore(dir),
          poll: { intervalMs: 1 },
        }),
      };
    }

    async function volume(name: string) {
      const made = await source.send(
        new CreateVolumeCommand({
          AvailabilityZone: `${WRITE_REGION}a`,
          Size: 4,
          VolumeType: 'gp3',
          TagSpecifications: [
            {
              ResourceType: 'volume',
              Tags: [
                { Key: 'Name', Value: name },
                { Key: 'team', Value: 'data' },
              ],
            },
          ],
        }),
      );
      return made.VolumeId ?? '';
    }

    it('lists the instances and subnets of a target zone for the options screen', async () => {
      const { engine: copy, factory } = engine();
      const zone = `${COPY_REGION}b`;
      const made = await target.send(
        new RunInstancesCommand({
          ImageId: 'ami-12c6146b',
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          Placement: { AvailabilityZone: zone },
          BlockDeviceMappings: [
            { DeviceName: '/dev/sdh', Ebs: { VolumeSize: 1 } },
          ],
        }),
      );
      const id = made.Instances?.[0]?.InstanceId ?? '';
      const placement = await copy.placement(COPY_REGION, zone);
      factory.destroy();
      // As moto says: every running or stopped instance in the zone, and no other.
      const described = await target.send(new DescribeInstancesCommand({}));
      const inZone = (described.Reservations ?? [])
        .flatMap((reservation) => reservation.Instances ?? [])
        .filter(
          (instance) =>
            instance.Placement?.AvailabilityZone === zone &&
            ['running', 'stopped', 'pending'].includes(
              instance.State?.Name ?? '',
            ),
        )
        .map((instance) => instance.InstanceId);
      expect(placement.instances.map((instance) => instance.id).sort()).toEqual(
        inZone.sort(),
      );
      expect(
        placement.instances.find((instance) => instance.id === id)?.devices,
      ).toContain('/dev/sdh');
      expect(placement.subnets.length).toBeGreaterThan(0);
      expect(
        placement.subnets.every((subnet) => subnet.id.startsWith('subnet-')),
      ).toBe(true);
    });

    it('copies a volume to the other region and creates it in the chosen zone', async () => {
      const name = `copy-${runMarker()}`;
      const volumeId = await volume(name);
      const { factory, engine: copy } = engine();
      const request: CopyRequest = {
        source: { kind: 'volume', id: volumeId, region: WRITE_REGION },
        target: {
          region: COPY_REGION,
          az: `${COPY_REGION}b`,
          encryption: { mode: 'keep' },
        },
        tags: { mode: 'all' },
      };
      const preflight = await copy.preflight(request);
      expect(
        preflight.problems.filter((problem) => problem.severity === 'blocker'),
      ).toEqual([]);
      expect(preflight.facts).toMatchObject({
        sizeGiB: 4,
        volumeType: 'gp3',
        tags: { Name: name },
      });
      const journal = await copy.create(request, preflight);
      const events: RunEvent[] = [];
      const summary = await copy.run(journal.runId, {
        onEvent: (event) => events.push(event),
      });
      expect(summary.state).toBe('done');
      const made = summary.target.find(
        (resource) => resource.type === 'volume',
      );
      const found = await target.send(
        new DescribeVolumesCommand({ VolumeIds: [made?.id ?? ''] }),
      );
      const copyVolume = found.Volumes?.[0];
      expect(copyVolume).toMatchObject({
        AvailabilityZone: `${COPY_REGION}b`,
        Size: 4,
        VolumeType: 'gp3',
      });
      expect(tags(copyVolume?.Tags)).toMatchObject({
        Name: name,
        team: 'data',
        'opsdeck:migration': journal.runId,
      });
      const snapshots = await target.send(
        new DescribeSnapshotsCommand({
          SnapshotIds: [copyVolume?.SnapshotId ?? ''],
        }),
      );
      expect(tags(snapshots.Snapshots?.[0]?.Tags)).toMatchObject({
        Name: name,
        'opsdeck:migration': journal.runId,
      });
      expect(
        summary.leftovers.map((resource) => resource.region).sort(),
      ).toEqual([COPY_REGION, WRITE_REGION]);
      expect(events.filter((event) => event.type === 'step-done')).toHaveLength(
        3,
      );
      factory.destroy();
    });

    it('copies a snapshot, and resuming a finished run creates nothing more', async () => {
      const volumeId = await volume(`snap-${runMarker()}`);
      const snapshot = await source.send(
        new CreateSnapshotCommand({
          VolumeId: volumeId,
          TagSpecifications: [
            {
              ResourceType: 'snapshot',
              Tags: [{ Key: 'Name', Value: 'nightly' }],
            },
          ],
        }),
      );
      const { factory, engine: copy } = engine();
      const request: CopyRequest = {
        source: {
          kind: 'snapshot',
          id: snapshot.SnapshotId ?? '',
          region: WRITE_REGION,
        },
        target: { region: COPY_REGION, encryption: { mode: 'keep' } },
        tags: { mode: 'all' },
      };
      const preflight = await copy.preflight(request);
      expect(preflight.ok).toBe(true);
      const journal = await copy.create(request, preflight);
      const summary = await copy.run(journal.runId);
      const copied = summary.target.find(
        (resource) => resource.type === 'snapshot',
      );
      const found = await target.send(
        new DescribeSnapshotsCommand({ SnapshotIds: [copied?.id ?? ''] }),
      );
      expect(tags(found.Snapshots?.[0]?.Tags)).toMatchObject({
        Name: 'nightly',
        'opsdeck:migration': journal.runId,
      });
      await copy.run(journal.runId);
      const all = await target.send(
        new DescribeSnapshotsCommand({
          OwnerIds: ['self'],
          Filters: [{ Name: 'tag:opsdeck:migration', Values: [journal.runId] }],
        }),
      );
      expect(all.Snapshots?.map((entry) => entry.SnapshotId)).toEqual([
        copied?.id,
      ]);
      factory.destroy();
    });

    it('copies the seeded golden image of us-east-1 and checks its attributes', async () => {
      const images = await direct('us-east-1').send(
        new DescribeImagesCommand({ Owners: ['self'] }),
      );
      const golden = images.Images?.find(
        (image) => image.Name === 'web-1-golden',
      );
      expect(golden?.ImageId).toBeDefined();
      const { factory } = labFactory('us-east-1');
      const copy = createEbsCopyEngine({
        factory,
        journals: createJournalStore(dir),
        poll: { intervalMs: 1 },
      });
      const request: CopyRequest = {
        source: {
          kind: 'image',
          id: golden?.ImageId ?? '',
          region: 'us-east-1',
        },
        target: { region: COPY_REGION, encryption: { mode: 'keep' } },
        tags: { mode: 'all' },
      };
      const preflight = await copy.preflight(request);
      expect(
        preflight.problems.filter((problem) => problem.severity === 'blocker'),
      ).toEqual([]);
      const journal = await copy.create(request, preflight);
      const summary = await copy.run(journal.runId);
      const image = summary.target.find(
        (resource) => resource.type === 'image',
      );
      const found = await target.send(
        new DescribeImagesCommand({ ImageIds: [image?.id ?? ''] }),
      );
      expect(found.Images?.[0]).toMatchObject({
        Architecture: golden?.Architecture,
        State: 'available',
      });
      expect(tags(found.Images?.[0]?.Tags)).toMatchObject({
        'opsdeck:migration': journal.runId,
      });
      expect(summary.leftovers).toEqual([]);
      factory.destroy();
    });

    it('moves an instance: image, copy, key, groups, launch and an Elastic IP', async () => {
      const marker = runMarker();
      await source.send(new CreateKeyPairCommand({ KeyName: `key-${marker}` }));
      const group = await source.send(
        new CreateSecurityGroupCommand({
          GroupName: `web-${marker}`,
          Description: 'web servers',
        }),
      );
      await source.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: group.GroupId,
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 443,
              ToPort: 443,
              IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            },
            {
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              UserIdGroupPairs: [{ GroupId: group.GroupId }],
            },
          ],
        }),
      );
      const run = await source.send(
        new RunInstancesCommand({
          ImageId: 'ami-1e749f67',
          MinCount: 1,
          MaxCount: 1,
          InstanceType: 't3.micro',
          KeyName: `key-${marker}`,
          SecurityGroupIds: [group.GroupId ?? ''],
          UserData: Buffer.from('#!/bin/sh\necho migrated\n').toString(
            'base64',
          ),
          TagSpecifications: [
            {
              ResourceType: 'instance',
              Tags: [
                { Key: 'Name', Value: `app-${marker}` },
                { Key: 'env', Value: 'prod' },
              ],
            },
          ],
        }),
      );
      const instanceId = run.Instances?.[0]?.InstanceId ?? '';
      const { factory, engine: copy } = engine();
      const request: CopyRequest = {
        source: { kind: 'instance', id: instanceId, region: WRITE_REGION },
        target: {
          region: COPY_REGION,
          az: `${COPY_REGION}a`,
          encryption: { mode: 'keep' },
        },
        tags: { mode: 'all' },
        instance: {
          consistency: 'reboot',
          launch: true,
          importKeyPair: true,
          copySecurityGroups: true,
          elasticIp: true,
        },
      };
      const preflight = await copy.preflight(request);
      expect(
        preflight.problems.filter((problem) => problem.severity === 'blocker'),
      ).toEqual([]);
      expect(preflight.problems.map((problem) => problem.code)).toContain(
        'reboot',
      );
      const journal = await copy.create(request, preflight);
      const summary = await copy.run(journal.runId);
      expect(summary.state).toBe('done');
      const launched =
        summary.target.find((resource) => resource.type === 'instance')?.id ??
        '';
      const found = await target.send(
        new DescribeInstancesCommand({ InstanceIds: [launched] }),
      );
      const instance = found.Reservations?.[0]?.Instances?.[0];
      expect(instance).toMatchObject({
        InstanceType: 't3.micro',
        KeyName: `key-${marker}`,
        Placement: { AvailabilityZone: `${COPY_REGION}a` },
      });
      expect(tags(instance?.Tags)).toMatchObject({
        Name: `app-${marker}`,
        env: 'prod',
        'opsdeck:migration': journal.runId,
      });
      const copiedImage = summary.target.find(
        (resource) => resource.type === 'image',
      )?.id;
      expect(instance?.ImageId).toBe(copiedImage);
      const groups = await target.send(
        new DescribeSecurityGroupsCommand({
          GroupIds: instance?.SecurityGroups?.map(
            (entry) => entry.GroupId ?? '',
          ),
        }),
      );
      const copiedGroup = groups.SecurityGroups?.[0];
      expect(copiedGroup?.GroupName).toBe(`web-${marker}`);
      expect(copiedGroup?.IpPermissions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            FromPort: 443,
            IpRanges: [expect.objectContaining({ CidrIp: '0.0.0.0/0' })],
          }),
          // The self-reference now names the new group.
          expect.objectContaining({
            FromPort: 22,
            UserIdGroupPairs: [
              expect.objectContaining({ GroupId: copiedGroup?.GroupId }),
            ],
          }),
        ]),
      );
      const keys = await target.send(
        new DescribeKeyPairsCommand({ KeyNames: [`key-${marker}`] }),
      );
      expect(keys.KeyPairs).toHaveLength(1);
      const addresses = await target.send(
        new DescribeAddressesCommand({
          Filters: [{ Name: 'instance-id', Values: [launched] }],
        }),
      );
      expect(addresses.Addresses?.[0]?.AllocationId).toBe(
        summary.target.find((resource) => resource.type === 'elastic-ip')?.id,
      );
      expect(summary.notes.join('\n')).toMatch(/update DNS records/);
      expect(summary.leftovers.map((resource) => resource.type).sort()).toEqual(
        ['image', 'snapshot'],
      );
      factory.destroy();
    });
  },
);
