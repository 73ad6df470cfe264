/**
 * A small EC2 of two regions behind aws-sdk-client-mock, with what the
 * copy wizard relies on in real AWS and moto lacks: snapshots and images
 * that stay pending for a number of polls, client tokens that return the
 * earlier resource, honoured tag filters, and a "kill" that lets a call
 * reach EC2 and then loses every answer from then on.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call --
   The fake reads the untyped inputs of many commands; the engine under test is fully typed. */
import * as sdk from '@aws-sdk/client-ec2';
import {
  EC2Client,
  EC2ServiceException,
  type Filter,
  type Tag,
} from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';

export interface Thing {
  id: string;
  region: string;
  kind:
    | 'snapshot'
    | 'volume'
    | 'image'
    | 'instance'
    | 'key-pair'
    | 'security-group'
    | 'elastic-ip';
  state: string;
  tags: Tag[];
  polls: number;
  data: Record<string, unknown>;
}

export const failure = (name: string, message: string) =>
  new EC2ServiceException({
    name,
    message,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });

const WRITES =
  /^(Create|Copy|Attach|Stop|Import|Authorize|Revoke|Run|Allocate|Associate|Deregister|Delete|Register)/;

export function createWorld() {
  const ec2 = mockClient(EC2Client);
  const sts = mockClient(STSClient);
  sts.on(GetCallerIdentityCommand).resolves({
    Account: '123456789012',
    Arn: 'arn:aws:iam::123456789012:user/ops',
  });
  let serial = 0;
  const world = {
    things: [] as Thing[],
    tokens: new Map<string, string>(),
    /** Polls a new snapshot or image stays pending; its progress climbs meanwhile. */
    pendingPolls: 3,
    /** Writes (not dry runs) that reached EC2, by command. */
    writes: [] as string[],
    /** Kill after this many writes: that write happens, its answer and all later ones are lost. */
    killAfterWrites: undefined as number | undefined,
    onKill: undefined as (() => void) | undefined,
    killed: false,
    /** Reject the next call of a command (not a dry run) with this error. */
    failNext: new Map<string, Error>(),
    /** Answers to dry runs, by command; DryRunOperation otherwise. */
    dryRunErrors: new Map<string, Error>(),
    /** A snapshot copy's final state and message (default completed). */
    copyEnds: { state: 'completed', message: '' },
    disabledRegions: ['ap-east-1'],
    mocks: { ec2, sts },
    add(
      kind: Thing['kind'],
      region: string,
      state: string,
      data: Record<string, unknown> = {},
      tags: Tag[] = [],
    ): Thing {
      const prefix = {
        snapshot: 'snap',
        volume: 'vol',
        image: 'ami',
        instance: 'i',
        'key-pair': 'key',
        'security-group': 'sg',
        'elastic-ip': 'eipalloc',
      }[kind];
      const thing = {
        id: `${prefix}-${(++serial).toString(16).padStart(17, '0')}`,
        region,
        kind,
        state,
        tags: [...tags],
        polls: 0,
        data,
      };
      world.things.push(thing);
      return thing;
    },
    of(kind: Thing['kind'], region?: string) {
      return world.things.filter(
        (thing) =>
          thing.kind === kind &&
          (region === undefined || thing.region === region),
      );
    },
    tagged(runId: string) {
      return world.things.filter((thing) =>
        thing.tags.some(
          (tag) => tag.Key === 'opsdeck:migration' && tag.Value === runId,
        ),
      );
    },
  };

  const find = (id: string | undefined) =>
    world.things.find((thing) => thing.id === id);
  const specTags = (
    input: { TagSpecifications?: { ResourceType?: string; Tags?: Tag[] }[] },
    type: string,
  ) =>
    input.TagSpecifications?.find((spec) => spec.ResourceType === type)?.Tags ??
    [];
  const matches = (thing: Thing, filters: Filter[] | undefined) =>
    (filters ?? []).every((filter) => {
      const name = filter.Name ?? '';
      const values = filter.Values ?? [];
      if (name.startsWith('tag:'))
        return thing.tags.some(
          (tag) =>
            tag.Key === name.slice(4) && values.includes(tag.Value ?? ''),
        );
      const field = {
        status: thing.state,
        name: thing.data['Name'],
        'volume-id': thing.data['VolumeId'],
        'attachment.instance-id': thing.data['InstanceId'],
      }[name];
      return field === undefined || values.includes(field as string);
    });
  const advance = (thing: Thing) => {
    if (thing.state !== 'pending') return;
    thing.polls++;
    if (thing.polls > world.pendingPolls) {
      const ends =
        thing.kind === 'snapshot' && thing.data['copy'] === true
          ? world.copyEnds
          : {
              state: thing.kind === 'image' ? 'available' : 'completed',
              message: '',
            };
      thing.state = ends.state;
      thing.data['StateMessage'] = ends.message;
    }
  };
  const percent = (thing: Thing) =>
    thing.state === 'completed'
      ? '100%'
      : `${Math.floor((Math.min(thing.polls, world.pendingPolls) * 100) / (world.pendingPolls + 1))}%`;
  const snapshotView = (thing: Thing) => ({
    SnapshotId: thing.id,
    State: thing.state,
    Progress: percent(thing),
    Tags: thing.tags,
    VolumeSize: 8,
    VolumeId: thing.data['VolumeId'] as string,
    StateMessage: thing.data['StateMessage'] as string,
    OwnerId: '123456789012',
    Encrypted: false,
  });
  const imageView = (thing: Thing) => ({
    ImageId: thing.id,
    State: thing.state,
    Name: thing.data['Name'] as string,
    Tags: thing.tags,
    Architecture: 'x86_64',
    VirtualizationType: 'hvm',
    EnaSupport: true,
    BootMode: 'uefi',
    PlatformDetails:
      (thing.data['platform'] as string | undefined) ?? 'Linux/UNIX',
    UsageOperation:
      (thing.data['usage'] as string | undefined) ?? 'RunInstances',
    RootDeviceName: '/dev/sda',
    ProductCodes:
      thing.data['productCodes'] === true
        ? [{ ProductCodeId: 'mkt8x2k', ProductCodeType: 'marketplace' }]
        : [],
    BlockDeviceMappings: (thing.data['snapshots'] as string[]).map(
      (SnapshotId, index) => ({
        DeviceName: `/dev/sd${'abcdef'[index] ?? 'z'}`,
        Ebs: { SnapshotId, VolumeSize: 8 },
      }),
    ),
  });
  const instanceView = (thing: Thing) => ({
    InstanceId: thing.id,
    State: { Name: thing.state },
    InstanceType: 'm5.large',
    Tags: thing.tags,
    KeyName: 'ops-key',
    Architecture: 'x86_64',
    VirtualizationType: 'hvm',
    EnaSupport: true,
    BootMode: 'uefi',
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    RootDeviceType: 'ebs',
    Placement: { AvailabilityZone: `${thing.region}a` },
    SecurityGroups: ((thing.data['groups'] as string[] | undefined) ?? []).map(
      (GroupId) => ({ GroupId }),
    ),
    MetadataOptions: {
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
    },
    BlockDeviceMappings: [],
  });
  const create = (
    command: string,
    token: string | undefined,
    make: () => Thing,
  ): Thing => {
    if (token !== undefined && world.tokens.has(`${command}:${token}`))
      return find(world.tokens.get(`${command}:${token}`)) as Thing;
    const thing = make();
    if (token !== undefined) world.tokens.set(`${command}:${token}`, thing.id);
    return thing;
  };

  type Input = any;
  const handlers: Record<string, (input: Input, region: string) => unknown> = {
    DescribeRegions: () => ({
      Regions: [
        'us-west-2',
        'ap-southeast-2',
        'eu-west-1',
        ...world.disabledRegions,
      ].map((RegionName) => ({
        RegionName,
        OptInStatus: world.disabledRegions.includes(RegionName)
          ? 'not-opted-in'
          : 'opt-in-not-required',
      })),
    }),
    DescribeAvailabilityZones: (_input, region) => ({
      AvailabilityZones: ['a', 'b', 'c'].map((letter) => ({
        ZoneName: `${region}${letter}`,
        State: 'available',
        ZoneType: 'availability-zone',
      })),
    }),
    DescribeInstanceTypeOfferings: (input, region) => ({
      InstanceTypeOfferings: (input.Filters[0].Values[0] === 'm5.large'
        ? ['a', 'b']
        : []
      ).map((letter) => ({
        InstanceType: 'm5.large',
        Location: `${region}${letter}`,
      })),
    }),
    DescribeSnapshots: (input, region) => ({
      Snapshots: world
        .of('snapshot', region)
        .filter(
          (thing) =>
            (input.SnapshotIds === undefined ||
              input.SnapshotIds.includes(thing.id)) &&
            matches(thing, input.Filters),
        )
        .map((thing) => {
          if (input.SnapshotIds !== undefined) advance(thing);
          return snapshotView(thing);
        }),
    }),
    CreateSnapshot: (input, region) => {
      const thing = world.add(
        'snapshot',
        region,
        'pending',
        { VolumeId: input.VolumeId },
        specTags(input, 'snapshot'),
      );
      return { SnapshotId: thing.id, State: 'pending' };
    },
    CopySnapshot: (input, region) => {
      if (find(input.SourceSnapshotId)?.region !== input.SourceRegion)
        throw failure(
          'InvalidSnapshot.NotFound',
          `The snapshot '${input.SourceSnapshotId}' does not exist.`,
        );
      return {
        SnapshotId: world.add(
          'snapshot',
          region,
          'pending',
          { copy: true, VolumeId: 'vol-ffffffff' },
          specTags(input, 'snapshot'),
        ).id,
      };
    },
    DescribeVolumes: (input, region) => ({
      Volumes: world
        .of('volume', region)
        .filter(
          (thing) =>
            (input.VolumeIds === undefined ||
              input.VolumeIds.includes(thing.id)) &&
            matches(thing, input.Filters),
        )
        .map((thing) => ({
          VolumeId: thing.id,
          State: thing.state,
          Size: 8,
          VolumeType: 'gp3',
          Iops: 3000,
          Throughput: 125,
          Encrypted: false,
          Tags: thing.tags,
          AvailabilityZone: thing.data['az'] as string,
          SnapshotId: thing.data['SnapshotId'] as string,
          Attachments: thing.data['InstanceId']
            ? [
                {
                  InstanceId: thing.data['InstanceId'] as string,
                  Device: thing.data['Device'] as string,
                },
              ]
            : [],
        })),
    }),
    CreateVolume: (input, region) => ({
      VolumeId: create('CreateVolume', input.ClientToken, () =>
        world.add(
          'volume',
          region,
          'available',
          { az: input.AvailabilityZone, SnapshotId: input.SnapshotId },
          specTags(input, 'volume'),
        ),
      ).id,
    }),
    AttachVolume: (input) => {
      const volume = find(input.VolumeId) as Thing;
      Object.assign(volume.data, {
        InstanceId: input.InstanceId,
        Device: input.Device,
      });
      volume.state = 'in-use';
      return {};
    },
    DescribeInstances: (input, region) => ({
      Reservations: world
        .of('instance', region)
        .filter(
          (thing) =>
            (input.InstanceIds === undefined ||
              input.InstanceIds.includes(thing.id)) &&
            matches(thing, input.Filters),
        )
        .map((thing) => {
          if (thing.state === 'pending') thing.state = 'running';
          if (thing.state === 'stopping') thing.state = 'stopped';
          return { Instances: [instanceView(thing)] };
        }),
    }),
    DescribeInstanceAttribute: () => ({
      UserData: {
        Value: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
      },
    }),
    StopInstances: (input) => {
      for (const id of input.InstanceIds as string[]) {
        const thing = find(id) as Thing;
        if (thing.state === 'running') thing.state = 'stopping';
      }
      return {};
    },
    CreateImage: (input, region) => {
      const snapshots = [
        world.add(
          'snapshot',
          region,
          'pending',
          { VolumeId: 'vol-root' },
          specTags(input, 'snapshot'),
        ).id,
      ];
      return {
        ImageId: world.add(
          'image',
          region,
          'pending',
          { Name: input.Name, snapshots },
          specTags(input, 'image'),
        ).id,
      };
    },
    CopyImage: (input, region) => {
      const source = find(input.SourceImageId);
      if (source?.data['productCodes'] === true)
        throw failure(
          'InvalidRequest',
          'Images with AWS Marketplace product codes cannot be copied to another AWS Region.',
        );
      return {
        ImageId: create('CopyImage', input.ClientToken, () => {
          const snapshots = (source?.data['snapshots'] as string[]).map(
            () =>
              world.add(
                'snapshot',
                region,
                'pending',
                { copy: true },
                specTags(input, 'snapshot'),
              ).id,
          );
          return world.add(
            'image',
            region,
            'pending',
            { Name: input.Name, snapshots },
            specTags(input, 'image'),
          );
        }).id,
      };
    },
    RegisterImage: (input, region) => ({
      ImageId: world.add(
        'image',
        region,
        'pending',
        {
          Name: input.Name,
          input,
          snapshots: (
            input.BlockDeviceMappings as sdk.BlockDeviceMapping[]
          ).flatMap((mapping) =>
            mapping.Ebs?.SnapshotId ? [mapping.Ebs.SnapshotId] : [],
          ),
        },
        specTags(input, 'image'),
      ).id,
    }),
    GetInstanceUefiData: () => ({ UefiData: 'VUVGSSB2YXJz' }),
    DescribeImages: (input, region) => ({
      Images: world
        .of('image', region)
        .filter(
          (thing) =>
            (input.ImageIds === undefined ||
              input.ImageIds.includes(thing.id)) &&
            matches(thing, input.Filters),
        )
        .map((thing) => {
          if (input.ImageIds !== undefined) {
            advance(thing);
            for (const id of thing.data['snapshots'] as string[])
              advance(find(id) as Thing);
          }
          return imageView(thing);
        }),
    }),
    CreateTags: (input) => {
      for (const id of input.Resources as string[]) {
        const thing = find(id) as Thing;
        thing.tags = [
          ...thing.tags.filter(
            (tag) =>
              !(input.Tags as Tag[]).some((next) => next.Key === tag.Key),
          ),
          ...(input.Tags as Tag[]),
        ];
      }
      return {};
    },
    DescribeKeyPairs: (input, region) => {
      const keys = world
        .of('key-pair', region)
        .filter((thing) =>
          (input.KeyNames as string[]).includes(thing.data['name'] as string),
        );
      if (keys.length === 0)
        throw failure(
          'InvalidKeyPair.NotFound',
          `The key pair '${input.KeyNames[0]}' does not exist`,
        );
      return {
        KeyPairs: keys.map((thing) => ({
          KeyName: thing.data['name'] as string,
          KeyPairId: thing.id,
          PublicKey: 'ssh-ed25519 AAAAC3Nz ops',
          Tags: thing.tags,
        })),
      };
    },
    ImportKeyPair: (input, region) => ({
      KeyPairId: world.add(
        'key-pair',
        region,
        'available',
        { name: input.KeyName },
        specTags(input, 'key-pair'),
      ).id,
    }),
    DescribeVpcs: (_input, region) => ({
      Vpcs: [{ VpcId: `vpc-${region}`, IsDefault: true }],
    }),
    DescribeSecurityGroups: (input, region) => ({
      SecurityGroups: world
        .of('security-group', region)
        .filter(
          (thing) =>
            (input.GroupIds === undefined ||
              input.GroupIds.includes(thing.id)) &&
            (input.Filters ?? []).every(
              (filter: Filter) =>
                filter.Name === 'vpc-id' ||
                (filter.Name === 'group-name'
                  ? filter.Values?.includes(thing.data['name'] as string)
                  : matches(thing, [filter])),
            ),
        )
        .map((thing) => ({
          GroupId: thing.id,
          GroupName: thing.data['name'] as string,
          Description: 'web',
          Tags: thing.tags,
          IpPermissions: (thing.data['ingress'] as []) ?? [],
          IpPermissionsEgress: [
            { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          ],
        })),
    }),
    CreateSecurityGroup: (input, region) => ({
      GroupId: world.add(
        'security-group',
        region,
        'available',
        { name: input.GroupName, ingress: [] },
        specTags(input, 'security-group'),
      ).id,
    }),
    AuthorizeSecurityGroupIngress: (input) => {
      const group = find(input.GroupId) as Thing;
      (group.data['ingress'] as unknown[]).push(
        ...(input.IpPermissions as unknown[]),
      );
      return {};
    },
    AuthorizeSecurityGroupEgress: () => {
      throw failure(
        'InvalidPermission.Duplicate',
        'the specified rule already exists',
      );
    },
    RunInstances: (input, region) => ({
      Instances: [
        {
          InstanceId: create('RunInstances', input.ClientToken, () =>
            world.add(
              'instance',
              region,
              'pending',
              { input, groups: input.SecurityGroupIds },
              specTags(input, 'instance'),
            ),
          ).id,
        },
      ],
    }),
    DescribeAddresses: (input, region) => ({
      Addresses: world
        .of('elastic-ip', region)
        .filter((thing) => matches(thing, input.Filters))
        .map((thing) => ({
          AllocationId: thing.id,
          PublicIp: '198.51.100.7',
          InstanceId: thing.data['InstanceId'] as string,
          Tags: thing.tags,
        })),
    }),
    AllocateAddress: (input, region) => ({
      AllocationId: world.add(
        'elastic-ip',
        region,
        'available',
        {},
        specTags(input, 'elastic-ip'),
      ).id,
      PublicIp: '198.51.100.7',
    }),
    AssociateAddress: (input) => {
      (find(input.AllocationId) as Thing).data['InstanceId'] = input.InstanceId;
      return { AssociationId: 'eipassoc-1' };
    },
    DeleteSnapshot: (input) => {
      world.things = world.things.filter(
        (thing) => thing.id !== input.SnapshotId,
      );
      return {};
    },
    DeregisterImage: (input) => {
      world.things = world.things.filter((thing) => thing.id !== input.ImageId);
      return {};
    },
  };

  const dispatch = (name: string, input: Input, region: string): unknown => {
    if (world.killed)
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    if (input.DryRun === true)
      throw (
        world.dryRunErrors.get(name) ??
        failure(
          'DryRunOperation',
          'Request would have succeeded, but DryRun flag is set.',
        )
      );
    const write = WRITES.test(name);
    const fail = world.failNext.get(name);
    if (fail !== undefined && write) {
      world.failNext.delete(name);
      throw fail;
    }
    const result = handlers[name]?.(input, region);
    if (write) {
      world.writes.push(name);
      if (
        world.killAfterWrites !== undefined &&
        world.writes.length >= world.killAfterWrites
      ) {
        world.killed = true;
        world.onKill?.();
        throw Object.assign(new Error('socket hang up'), {
          code: 'ECONNRESET',
        });
      }
    }
    return result;
  };
  for (const name of Object.keys(handlers)) {
    const command = (sdk as unknown as Record<string, unknown>)[
      `${name}Command`
    ];
    ec2
      .on(command as typeof sdk.DescribeRegionsCommand)
      .callsFake(async (input: Input, getClient) =>
        dispatch(name, input, await (getClient() as EC2Client).config.region()),
      );
  }
  return world;
}

/** An engine on the world, with a journal directory and quick polls. */
export async function worldEngine(
  dir: string,
  poll: { intervalMs?: number; timeoutMs?: number } = {},
) {
  const { createAwsClientFactory } =
    await import('../../../source/aws/client-factory.js');
  const { createEventLog } =
    await import('../../../source/events/event-log.js');
  const { createWriteGuard } =
    await import('../../../source/safety/read-only.js');
  const { createEbsCopyEngine } =
    await import('../../../source/wizards/ebs-copy/engine.js');
  const { createJournalStore } =
    await import('../../../source/wizards/ebs-copy/run/journal.js');
  const factory = createAwsClientFactory(
    { profile: 'ops', region: 'us-west-2', endpoint: undefined },
    { guard: createWriteGuard(false), events: createEventLog() },
  );
  const journals = createJournalStore(dir);
  return {
    factory,
    journals,
    engine: createEbsCopyEngine({
      factory,
      journals,
      poll: { intervalMs: 1, ...poll },
    }),
  };
}

/** The source estate of us-west-2: a volume, an image, an instance with its key and group. */
export function seedSource(world: ReturnType<typeof createWorld>) {
  const name = (value: string) => [
    { Key: 'Name', Value: value },
    { Key: 'team', Value: 'data' },
  ];
  const volume = world.add(
    'volume',
    'us-west-2',
    'available',
    { az: 'us-west-2a' },
    name('data'),
  );
  const snapshot = world.add(
    'snapshot',
    'us-west-2',
    'completed',
    { VolumeId: volume.id },
    name('nightly'),
  );
  const imageSnapshot = world.add('snapshot', 'us-west-2', 'completed', {
    VolumeId: 'vol-root',
  });
  const image = world.add(
    'image',
    'us-west-2',
    'available',
    { Name: 'golden', snapshots: [imageSnapshot.id] },
    name('golden'),
  );
  world.add('key-pair', 'us-west-2', 'available', { name: 'ops-key' });
  const other = world.add('security-group', 'us-west-2', 'available', {
    name: 'db',
    ingress: [],
  });
  const group = world.add('security-group', 'us-west-2', 'available', {
    name: 'web',
    ingress: [
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
        UserIdGroupPairs: [{ GroupId: other.id }],
      },
    ],
  });
  const instance = world.add(
    'instance',
    'us-west-2',
    'running',
    { groups: [group.id, other.id] },
    name('web-1'),
  );
  return { volume, snapshot, image, instance, group, other };
}
