import {
  AttachVolumeCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstanceService } from '../../../source/aws/ec2/instances.js';
import { tagsToRecord } from '../../../source/aws/ec2/rows.js';
import {
  IMAGE_ID,
  WRITE_REGION,
  direct,
  labFactory,
  launch,
  moto,
  resultOf,
  runMarker,
  useLabProfiles,
} from './ec2-lab.js';

describe.skipIf(!moto.info)(
  `EC2 instance images, snapshots, tags and details against moto${moto.missing}`,
  () => {
    useLabProfiles();
    let directClient: EC2Client;
    beforeAll(() => {
      directClient = direct(WRITE_REGION);
    });
    afterAll(() => directClient.destroy());

    it('creates an image of an instance, and a dry run creates none', async () => {
      const [id = ''] = await launch(directClient, 1);
      const name = `golden ${runMarker()} (v1)`;
      const { factory } = labFactory(WRITE_REGION);
      const instances = createInstanceService(factory);
      await expect(
        instances.createImage(
          id,
          { name: `${name} dry`, noReboot: true },
          { dryRun: true },
        ),
      ).resolves.toEqual({ dryRun: { allowed: true } });
      const { imageId } = resultOf(
        await instances.createImage(id, {
          name,
          noReboot: true,
          description: 'before the upgrade',
        }),
      );
      const images = await directClient.send(
        new DescribeImagesCommand({ Owners: ['self'] }),
      );
      const names = (images.Images ?? []).map((image) => image.Name);
      expect(names).toContain(name);
      expect(names).not.toContain(`${name} dry`);
      expect(
        images.Images?.find((image) => image.ImageId === imageId)?.Description,
      ).toBe('before the upgrade');
      factory.destroy();
    });

    it('snapshots every attached volume of an instance', async () => {
      const [id = ''] = await launch(directClient, 1, { zone: 'us-west-2a' });
      const data = await directClient.send(
        new CreateVolumeCommand({
          AvailabilityZone: 'us-west-2a',
          Size: 12,
          VolumeType: 'gp3',
        }),
      );
      await directClient.send(
        new AttachVolumeCommand({
          VolumeId: data.VolumeId,
          InstanceId: id,
          Device: '/dev/sdf',
        }),
      );
      const description = `nightly ${runMarker()}`;
      const { factory } = labFactory(WRITE_REGION);
      const { snapshotIds } = resultOf(
        await createInstanceService(factory).snapshotAll(id, { description }),
      );
      expect(snapshotIds).toHaveLength(2);
      const found = await directClient.send(
        new DescribeSnapshotsCommand({ SnapshotIds: [...snapshotIds] }),
      );
      expect(
        (found.Snapshots ?? []).map((snapshot) => snapshot.Description),
      ).toEqual([description, description]);
      expect((found.Snapshots ?? []).map((s) => s.VolumeId)).toContain(
        data.VolumeId,
      );
      factory.destroy();
    });

    it('adds and removes tags', async () => {
      const [id = ''] = await launch(directClient, 1, { tags: { tmp: 'x' } });
      const { factory } = labFactory(WRITE_REGION);
      const instances = createInstanceService(factory);
      await expect(
        instances.setTags([id], { role: 'db' }, ['tmp'], { dryRun: true }),
      ).resolves.toEqual({ dryRun: { allowed: true } });
      expect(
        await instances.setTags([id], { role: 'db', Name: 'db-9' }, ['tmp']),
      ).toEqual({ result: undefined });
      const found = await directClient.send(
        new DescribeInstancesCommand({ InstanceIds: [id] }),
      );
      const tags = tagsToRecord(found.Reservations?.[0]?.Instances?.[0]?.Tags);
      expect(tags).toEqual({
        'opsdeck-test': 'ec2-services',
        role: 'db',
        Name: 'db-9',
      });
      factory.destroy();
    });

    it('decodes the console output', async () => {
      const [id = ''] = await launch(directClient, 1);
      const { factory } = labFactory(WRITE_REGION);
      const output = await createInstanceService(factory).consoleOutput(id);
      expect(output).toMatch(/^Linux version/);
      factory.destroy();
    });

    it('formats the security group rules, naming referenced groups', async () => {
      const marker = runMarker();
      const lb = await directClient.send(
        new CreateSecurityGroupCommand({
          GroupName: `lb-${marker}`,
          Description: 'load balancers',
        }),
      );
      const app = await directClient.send(
        new CreateSecurityGroupCommand({
          GroupName: `app-${marker}`,
          Description: 'app servers',
        }),
      );
      await directClient.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: app.GroupId,
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 443,
              ToPort: 443,
              IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            },
            { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: lb.GroupId }] },
            {
              IpProtocol: 'udp',
              FromPort: 53,
              ToPort: 54,
              Ipv6Ranges: [{ CidrIpv6: '::/0' }],
            },
          ],
        }),
      );
      const { factory } = labFactory(WRITE_REGION);
      const [rules] = await createInstanceService(factory).securityGroups([
        app.GroupId ?? '',
      ]);
      expect(rules?.name).toBe(`app-${marker}`);
      expect(rules?.inbound).toEqual(
        expect.arrayContaining([
          'tcp 443 from 0.0.0.0/0',
          `all from ${lb.GroupId ?? ''} (lb-${marker})`,
          'udp 53-54 from ::/0',
        ]),
      );
      expect(rules?.inbound).toHaveLength(3);
      expect(rules?.outbound).toEqual(['all to 0.0.0.0/0']);
      factory.destroy();
    });

    it("gives an AMI's name, and undefined for one that does not exist", async () => {
      const { factory } = labFactory(WRITE_REGION);
      const instances = createInstanceService(factory);
      await expect(instances.imageName(IMAGE_ID)).resolves.toMatch(/^ubuntu\//);
      await expect(
        instances.imageName('ami-0123456789abcdef0'),
      ).resolves.toBeUndefined();
      factory.destroy();
    });
  },
);
