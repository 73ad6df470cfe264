/** Seeds EC2 in the lab: instances in several states, EIPs, volumes, snapshots, an image. */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateImageCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  AttachVolumeCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { AwsCredentialIdentity } from '@smithy/types';
import { seedSecurityGroups } from './seed-security-groups.js';

export interface InstancePlan {
  readonly name: string;
  readonly type: string;
  readonly state: 'running' | 'stopped' | 'pending' | 'terminated';
  readonly tags?: Readonly<Record<string, string>>;
}

export interface RegionPlan {
  readonly region: string;
  readonly instances: readonly InstancePlan[];
  /** Free EIPs (billed hourly) besides the ones associated with instances named here. */
  readonly freeAddresses: number;
  readonly associate: readonly string[];
  readonly availableVolumes: readonly {
    name: string;
    size: number;
    encrypted: boolean;
  }[];
}

const tags = (values: Readonly<Record<string, string>>): Tag[] =>
  Object.entries(values).map(([Key, Value]) => ({ Key, Value }));

export async function seedEc2Region(options: {
  endpoint: string;
  credentials: AwsCredentialIdentity;
  plan: RegionPlan;
  setState(instanceId: string, state: string): Promise<void>;
}): Promise<Record<string, string>> {
  const { plan } = options;
  const ec2 = new EC2Client({
    region: plan.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
  });
  try {
    const images = await ec2.send(
      new DescribeImagesCommand({
        Owners: ['amazon'],
        Filters: [{ Name: 'name', Values: ['ubuntu/*'] }],
      }),
    );
    const imageId = images.Images?.[0]?.ImageId ?? 'ami-1e749f67';
    await ec2.send(new CreateKeyPairCommand({ KeyName: 'ops-key' }));
    const web = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: 'web',
        Description: 'web servers',
      }),
    );
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: web.GroupId,
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
            IpRanges: [{ CidrIp: '10.0.0.0/8' }],
          },
        ],
      }),
    );
    const ids: Record<string, string> = {};
    for (const instance of plan.instances) {
      const run = await ec2.send(
        new RunInstancesCommand({
          ImageId: imageId,
          InstanceType: instance.type as never,
          MinCount: 1,
          MaxCount: 1,
          KeyName: 'ops-key',
          SecurityGroupIds: web.GroupId ? [web.GroupId] : undefined,
          TagSpecifications: [
            {
              ResourceType: 'instance',
              Tags: tags({ Name: instance.name, ...instance.tags }),
            },
          ],
        }),
      );
      const id = run.Instances?.[0]?.InstanceId;
      if (!id)
        throw new Error(`moto did not return an instance for ${instance.name}`);
      ids[instance.name] = id;
    }
    for (const instance of plan.instances) {
      const id = ids[instance.name] ?? '';
      if (instance.state === 'stopped')
        await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
      if (instance.state === 'terminated')
        await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
      if (instance.state === 'pending') await options.setState(id, 'pending');
    }
    const running = plan.instances.filter((one) => one.state === 'running');
    await seedSecurityGroups(ec2, web.GroupId ?? '', {
      bastion: ids[running[0]?.name ?? ''],
      database:
        running.length > 1 ? ids[running.at(-1)?.name ?? ''] : undefined,
    });
    for (const name of plan.associate) {
      const address = await ec2.send(
        new AllocateAddressCommand({
          Domain: 'vpc',
          TagSpecifications: [
            { ResourceType: 'elastic-ip', Tags: tags({ Name: `${name}-eip` }) },
          ],
        }),
      );
      await ec2.send(
        new AssociateAddressCommand({
          AllocationId: address.AllocationId,
          InstanceId: ids[name],
        }),
      );
    }
    for (let index = 0; index < plan.freeAddresses; index++) {
      await ec2.send(
        new AllocateAddressCommand({
          Domain: 'vpc',
          TagSpecifications: [
            {
              ResourceType: 'elastic-ip',
              Tags: tags({ Name: `spare-${index + 1}` }),
            },
          ],
        }),
      );
    }
    const zone = `${plan.region}a`;
    const first = plan.instances.find(
      (instance) => instance.state === 'running',
    );
    if (first) {
      const data = await ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: zone,
          Size: 100,
          VolumeType: 'gp3',
          Encrypted: true,
          TagSpecifications: [
            {
              ResourceType: 'volume',
              Tags: tags({
                Name: `${first.name}-data`,
                env: first.tags?.['env'] ?? 'prod',
              }),
            },
          ],
        }),
      );
      await ec2.send(
        new AttachVolumeCommand({
          VolumeId: data.VolumeId,
          InstanceId: ids[first.name],
          Device: '/dev/sdf',
        }),
      );
      const snapshot = await ec2.send(
        new CreateSnapshotCommand({
          VolumeId: data.VolumeId,
          Description: `${first.name} data weekly`,
        }),
      );
      if (snapshot.SnapshotId)
        await ec2.send(
          new CreateTagsCommand({
            Resources: [snapshot.SnapshotId],
            Tags: tags({ Name: `${first.name}-data-weekly` }),
          }),
        );
      await ec2.send(
        new CreateImageCommand({
          InstanceId: ids[first.name],
          Name: `${first.name}-golden`,
          Description: 'lab golden image',
          NoReboot: true,
        }),
      );
    }
    for (const volume of plan.availableVolumes) {
      const created = await ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: zone,
          Size: volume.size,
          VolumeType: 'gp2',
          Encrypted: volume.encrypted,
          TagSpecifications: [
            { ResourceType: 'volume', Tags: tags({ Name: volume.name }) },
          ],
        }),
      );
      await ec2.send(
        new CreateSnapshotCommand({
          VolumeId: created.VolumeId,
          Description: `${volume.name} before cleanup`,
        }),
      );
    }
    return ids;
  } finally {
    ec2.destroy();
  }
}
