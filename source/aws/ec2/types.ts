import type { Page } from '../../lib/view-types.js';
import type { BulkOutcome, Outcome } from '../../safety/write-outcome.js';

export type Tags = Readonly<Record<string, string>>;

export interface SecurityGroupRef {
  readonly id: string;
  readonly name: string;
}

export interface InstanceRow {
  readonly id: string;
  /** The Name tag, or ''. */
  readonly name: string;
  /** pending | running | stopping | stopped | shutting-down | terminated */
  readonly state: string;
  /** Why it is in that state, when EC2 says (StateReason / StateTransitionReason). */
  readonly stateReason: string;
  readonly type: string;
  readonly az: string;
  readonly region: string;
  readonly publicIp: string;
  readonly publicDns: string;
  readonly privateIp: string;
  readonly keyName: string;
  readonly launchTime: Date | undefined;
  readonly imageId: string;
  /** PlatformDetails, e.g. "Linux/UNIX", "Windows". */
  readonly platform: string;
  readonly architecture: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly rootDevice: string;
  readonly iamProfile: string;
  readonly securityGroups: readonly SecurityGroupRef[];
  readonly blockDevices: readonly {
    device: string;
    volumeId: string;
    status: string;
    deleteOnTermination: boolean;
  }[];
  readonly networkInterfaces: readonly {
    id: string;
    privateIp: string;
    publicIp: string;
    subnetId: string;
    description: string;
  }[];
  readonly tags: Tags;
}

export interface AddressRow {
  readonly allocationId: string;
  readonly publicIp: string;
  readonly associationId: string;
  readonly instanceId: string;
  /** Name and state of the associated instance, looked up for the flags. */
  readonly instanceName: string;
  readonly instanceState: string;
  readonly privateIp: string;
  readonly networkInterfaceId: string;
  readonly region: string;
  readonly tags: Tags;
}

export interface VolumeAttachment {
  readonly instanceId: string;
  /** The instance's Name tag, when the list could look it up. */
  readonly instanceName?: string | undefined;
  readonly device: string;
  readonly state: string;
  readonly deleteOnTermination: boolean;
}

export interface VolumeRow {
  readonly id: string;
  readonly name: string;
  /** GiB */
  readonly size: number;
  readonly type: string;
  readonly iops: number | undefined;
  readonly throughput: number | undefined;
  /** creating | available | in-use | deleting | deleted | error */
  readonly state: string;
  readonly az: string;
  readonly region: string;
  readonly attachments: readonly VolumeAttachment[];
  readonly encrypted: boolean;
  readonly kmsKeyId: string;
  readonly snapshotId: string;
  readonly created: Date | undefined;
  readonly tags: Tags;
}

export interface SnapshotRow {
  readonly id: string;
  readonly name: string;
  readonly volumeId: string;
  /** GiB */
  readonly size: number;
  /** pending | completed | error | recoverable | recovering */
  readonly state: string;
  /** 0..100 */
  readonly progress: number;
  readonly started: Date | undefined;
  readonly description: string;
  readonly encrypted: boolean;
  readonly region: string;
  readonly tags: Tags;
}

export interface SecurityGroupRules {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** One line per rule: "tcp 443 from 0.0.0.0/0", "all from sg-0abc (web)". */
  readonly inbound: readonly string[];
  readonly outbound: readonly string[];
}

/** Every write takes this; with dryRun, EC2 is asked whether the call would be allowed. */
export interface WriteOptions {
  readonly dryRun?: boolean;
}

export interface InstanceService {
  list(
    cursor: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<InstanceRow>>;
  start(ids: readonly string[], options?: WriteOptions): Promise<BulkOutcome>;
  stop(
    ids: readonly string[],
    options?: WriteOptions & { readonly force?: boolean },
  ): Promise<BulkOutcome>;
  reboot(ids: readonly string[], options?: WriteOptions): Promise<BulkOutcome>;
  /** Refuses, per instance, those with termination protection on, saying so. */
  terminate(
    ids: readonly string[],
    options?: WriteOptions,
  ): Promise<BulkOutcome>;
  createImage(
    id: string,
    image: {
      readonly name: string;
      readonly noReboot: boolean;
      readonly description?: string;
    },
    options?: WriteOptions,
  ): Promise<Outcome<{ imageId: string }>>;
  /**
   * CreateSnapshots for every attached volume (less the exclusions), tags
   * copied from each volume, `tags` set on every snapshot in the same call.
   */
  snapshotAll(
    id: string,
    snapshot: {
      readonly description: string;
      readonly excludeBoot?: boolean;
      readonly excludeVolumeIds?: readonly string[];
      readonly tags?: Tags;
    },
    options?: WriteOptions,
  ): Promise<
    Outcome<{
      snapshotIds: readonly string[];
      snapshots: readonly { snapshotId: string; volumeId: string }[];
    }>
  >;
  setTags(
    resourceIds: readonly string[],
    add: Tags,
    remove: readonly string[],
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  /** Decoded console output, latest first where EC2 supports it. */
  consoleOutput(id: string): Promise<string>;
  securityGroups(groupIds: readonly string[]): Promise<SecurityGroupRules[]>;
  /** The AMI's name, to guess the default SSH user; undefined when unknown or gone. */
  imageName(imageId: string): Promise<string | undefined>;
}

export interface AddressService {
  list(signal: AbortSignal): Promise<AddressRow[]>;
  allocate(
    tags: Tags,
    options?: WriteOptions,
  ): Promise<Outcome<{ allocationId: string; publicIp: string }>>;
  associate(
    allocationId: string,
    target:
      | { readonly instanceId: string }
      | { readonly networkInterfaceId: string; readonly privateIp?: string },
    options?: WriteOptions & { readonly allowReassociation?: boolean },
  ): Promise<Outcome<{ associationId: string }>>;
  disassociate(
    associationId: string,
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  /** AssociateAddress with AllowReassociation to another instance; says how long the switch took. */
  move(
    allocationId: string,
    instanceId: string,
    options?: WriteOptions,
  ): Promise<Outcome<{ associationId: string; millis: number }>>;
  release(allocationId: string, options?: WriteOptions): Promise<Outcome<void>>;
}

export interface VolumeSpec {
  readonly az: string;
  /** GiB; may be left out when snapshotId is given (the snapshot's size). */
  readonly size?: number;
  readonly type: string;
  readonly iops?: number;
  readonly throughput?: number;
  readonly snapshotId?: string;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly name?: string;
}

export interface VolumeService {
  list(
    cursor: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<VolumeRow>>;
  create(
    spec: VolumeSpec,
    options?: WriteOptions,
  ): Promise<Outcome<{ volumeId: string }>>;
  attach(
    volumeId: string,
    instanceId: string,
    device: string,
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  detach(
    volumeId: string,
    detach: { readonly force: boolean },
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  snapshot(
    volumeId: string,
    snapshot: { readonly description: string; readonly tags: Tags },
    options?: WriteOptions,
  ): Promise<Outcome<{ snapshotId: string }>>;
  /** Size only grows; type, IOPS and throughput may change. */
  modify(
    volumeId: string,
    change: {
      readonly size?: number;
      readonly type?: string;
      readonly iops?: number;
      readonly throughput?: number;
    },
    options?: WriteOptions,
  ): Promise<Outcome<void>>;
  delete(volumeId: string, options?: WriteOptions): Promise<Outcome<void>>;
  availabilityZones(signal?: AbortSignal): Promise<string[]>;
}

export interface SnapshotService {
  list(
    cursor: string | undefined,
    signal: AbortSignal,
  ): Promise<Page<SnapshotRow>>;
  createVolume(
    snapshotId: string,
    volume: {
      readonly az: string;
      readonly type: string;
      readonly size?: number;
    },
    options?: WriteOptions,
  ): Promise<Outcome<{ volumeId: string }>>;
  /** CopySnapshot, called in the target region. */
  copy(
    snapshotId: string,
    copy: {
      readonly targetRegion: string;
      readonly description?: string;
      readonly encrypted?: boolean;
      readonly kmsKeyId?: string;
    },
    options?: WriteOptions,
  ): Promise<Outcome<{ snapshotId: string; region: string }>>;
  /** Refuses, saying which AMI, when an image of this account uses the snapshot. */
  delete(snapshotId: string, options?: WriteOptions): Promise<Outcome<void>>;
}
