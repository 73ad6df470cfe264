/**
 * In-memory EC2 behind the service interfaces, for component tests: actions
 * change the state the next list shows, and every call is recorded.
 */
import type {
  AddressRow,
  AddressService,
  InstanceRow,
  InstanceService,
  SnapshotRow,
  SnapshotService,
  VolumeRow,
  VolumeService,
} from '../../../source/aws/ec2/types.js';
import type { BulkOutcome } from '../../../source/safety/write-outcome.js';

export interface FakeEc2 {
  readonly instances: InstanceService;
  readonly addresses: AddressService;
  readonly volumes: VolumeService;
  readonly snapshots: SnapshotService;
  /** "start i-1 i-2", "move eipalloc-1 i-3", ... in call order. */
  readonly calls: string[];
  readonly state: {
    instances: InstanceRow[];
    addresses: AddressRow[];
    volumes: VolumeRow[];
    snapshots: SnapshotRow[];
  };
}

export function fakeInstance(
  id: string,
  name: string,
  state: string,
  extra: Partial<InstanceRow> = {},
): InstanceRow {
  return {
    id,
    name,
    state,
    stateReason: '',
    type: 't3.small',
    az: 'us-east-1a',
    region: 'us-east-1',
    publicIp: state === 'running' ? `54.0.0.${id.length}` : '',
    publicDns: '',
    privateIp: '10.0.0.10',
    keyName: 'ops-key',
    launchTime: new Date('2026-11-01T10:00:00Z'),
    imageId: 'ami-1e749f67',
    platform: 'Linux/UNIX',
    architecture: 'x86_64',
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    rootDevice: '/dev/xvda',
    iamProfile: '',
    securityGroups: [{ id: 'sg-1', name: 'web' }],
    blockDevices: [
      {
        device: '/dev/xvda',
        volumeId: `vol-root-${id}`,
        status: 'attached',
        deleteOnTermination: true,
      },
    ],
    networkInterfaces: [],
    tags: { Name: name, env: 'prod' },
    ...extra,
  };
}

/** An available gp3 volume in us-east-1a unless told otherwise. */
export function fakeVolume(
  id: string,
  extra: Partial<VolumeRow> = {},
): VolumeRow {
  return {
    id,
    name: '',
    size: 100,
    type: 'gp3',
    iops: 3000,
    throughput: 125,
    state: 'available',
    az: 'us-east-1a',
    region: 'us-east-1',
    attachments: [],
    encrypted: false,
    kmsKeyId: '',
    snapshotId: '',
    created: new Date('2026-10-01T00:00:00Z'),
    tags: {},
    ...extra,
  };
}

const bulk = (succeeded: readonly string[]): BulkOutcome => ({
  succeeded,
  failed: [],
});

export function createFakeEc2(
  initial: Partial<FakeEc2['state']> = {},
): FakeEc2 {
  const state: FakeEc2['state'] = {
    instances: initial.instances ?? [
      fakeInstance('i-0aaa0000000000001', 'web-1', 'running'),
      fakeInstance('i-0aaa0000000000002', 'web-2', 'running'),
      fakeInstance('i-0aaa0000000000003', 'batch-1', 'stopped'),
    ],
    addresses: initial.addresses ?? [],
    volumes: initial.volumes ?? [],
    snapshots: initial.snapshots ?? [],
  };
  const calls: string[] = [];
  const setState = (ids: readonly string[], next: string) => {
    state.instances = state.instances.map((row) =>
      ids.includes(row.id) ? { ...row, state: next } : row,
    );
  };
  const instances: InstanceService = {
    list: () => Promise.resolve({ rows: state.instances }),
    start: (ids, options) => (
      calls.push(`start ${ids.join(' ')}${options?.dryRun ? ' dry' : ''}`),
      options?.dryRun
        ? Promise.resolve({
            dryRun: { allowed: true },
            succeeded: [],
            failed: [],
          })
        : (setState(ids, 'running'), Promise.resolve(bulk(ids)))
    ),
    stop: (ids, options) => (
      calls.push(
        `stop ${ids.join(' ')}${options?.force ? ' force' : ''}${options?.dryRun ? ' dry' : ''}`,
      ),
      options?.dryRun
        ? Promise.resolve({
            dryRun: {
              allowed: false,
              reason: 'permission denied for ec2:StopInstances',
            },
            succeeded: [],
            failed: [],
          })
        : (setState(ids, 'stopped'), Promise.resolve(bulk(ids)))
    ),
    reboot: (ids) => (
      calls.push(`reboot ${ids.join(' ')}`),
      Promise.resolve(bulk(ids))
    ),
    terminate: (ids) => {
      calls.push(`terminate ${ids.join(' ')}`);
      const protectedIds = ids.filter(
        (id) =>
          state.instances.find((row) => row.id === id)?.tags['protected'] ===
          'yes',
      );
      const others = ids.filter((id) => !protectedIds.includes(id));
      setState(others, 'shutting-down');
      return Promise.resolve({
        succeeded: others,
        failed: protectedIds.map((id) => ({
          id,
          message: 'termination protection is on: turn it off first',
        })),
      });
    },
    createImage: (id, image) => (
      calls.push(
        `image ${id} ${image.name}${image.noReboot ? ' no-reboot' : ''}`,
      ),
      Promise.resolve({ result: { imageId: 'ami-0new' } })
    ),
    snapshotAll: (id, snapshot) => (
      calls.push(`snapshot-all ${id} ${snapshot.description}`),
      Promise.resolve({
        result: {
          snapshotIds: ['snap-01', 'snap-02'],
          snapshots: [
            { snapshotId: 'snap-01', volumeId: 'vol-01' },
            { snapshotId: 'snap-02', volumeId: 'vol-02' },
          ],
        },
      })
    ),
    setTags: (ids, add, remove) => (
      calls.push(
        `tags ${ids.join(' ')} +${Object.entries(add)
          .map(([key, value]) => `${key}=${value}`)
          .join(',')} -${remove.join(',')}`,
      ),
      Promise.resolve({ result: undefined })
    ),
    consoleOutput: (id) => (
      calls.push(`console ${id}`),
      Promise.resolve('[    0.000000] Linux version 6.1\nlogin: ')
    ),
    securityGroups: (ids) => (
      calls.push(`groups ${ids.join(' ')}`),
      Promise.resolve(
        ids.map((id) => ({
          id,
          name: 'web',
          description: 'web servers',
          inbound: ['tcp 443 from 0.0.0.0/0'],
          outbound: ['all to 0.0.0.0/0'],
        })),
      )
    ),
    imageName: () =>
      Promise.resolve('ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server'),
  };
  const addresses: AddressService = {
    list: () => Promise.resolve(state.addresses),
    allocate: () => (
      calls.push('allocate'),
      Promise.resolve({
        result: { allocationId: 'eipalloc-0new', publicIp: '3.3.3.3' },
      })
    ),
    associate: (id, target) => (
      calls.push(
        `associate ${id} ${'instanceId' in target ? target.instanceId : target.networkInterfaceId}`,
      ),
      Promise.resolve({ result: { associationId: 'eipassoc-0new' } })
    ),
    disassociate: (id) => (
      calls.push(`disassociate ${id}`),
      Promise.resolve({ result: undefined })
    ),
    move: (id, instanceId) => (
      calls.push(`move ${id} ${instanceId}`),
      Promise.resolve({
        result: { associationId: 'eipassoc-0moved', millis: 840 },
      })
    ),
    release: (id) => (
      calls.push(`release ${id}`),
      Promise.resolve({ result: undefined })
    ),
  };
  const volumes: VolumeService = {
    list: () => Promise.resolve({ rows: state.volumes }),
    create: (spec) => (
      calls.push(`create-volume ${spec.az} ${spec.size ?? ''} ${spec.type}`),
      Promise.resolve({ result: { volumeId: 'vol-0new' } })
    ),
    attach: (id, instanceId, device) => (
      calls.push(`attach ${id} ${instanceId} ${device}`),
      Promise.resolve({ result: undefined })
    ),
    detach: (id, detach) => (
      calls.push(`detach ${id}${detach.force ? ' force' : ''}`),
      Promise.resolve({ result: undefined })
    ),
    snapshot: (id, snapshot) => (
      calls.push(`snapshot ${id} ${snapshot.description}`),
      Promise.resolve({ result: { snapshotId: 'snap-0new' } })
    ),
    modify: (id, change) => (
      calls.push(`modify ${id} ${change.size ?? ''} ${change.type ?? ''}`),
      Promise.resolve({ result: undefined })
    ),
    delete: (id) => (
      calls.push(`delete-volume ${id}`),
      Promise.resolve({ result: undefined })
    ),
    availabilityZones: () => Promise.resolve(['us-east-1a', 'us-east-1b']),
  };
  const snapshots: SnapshotService = {
    list: () => Promise.resolve({ rows: state.snapshots }),
    createVolume: (id, volume) => (
      calls.push(`volume-from ${id} ${volume.az}`),
      Promise.resolve({ result: { volumeId: 'vol-0fromsnap' } })
    ),
    copy: (id, copy) => (
      calls.push(`copy ${id} ${copy.targetRegion}`),
      Promise.resolve({
        result: { snapshotId: 'snap-0copy', region: copy.targetRegion },
      })
    ),
    delete: (id) => (
      calls.push(`delete-snapshot ${id}`),
      Promise.resolve({ result: undefined })
    ),
  };
  return { instances, addresses, volumes, snapshots, calls, state };
}
