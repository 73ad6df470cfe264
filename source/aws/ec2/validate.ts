/**
 * Input checks for EC2 writes, run before any call: a typo should be caught
 * here with a message that says what is expected, not by EC2 after a round
 * trip (or, worse, by an emulator that accepts anything).
 */
import { UserError } from '../../lib/errors.js';
import type { Tags } from './types.js';

const ID_KINDS = {
  i: 'instance',
  vol: 'volume',
  snap: 'snapshot',
  eipalloc: 'Elastic IP allocation',
  eipassoc: 'Elastic IP association',
  eni: 'network interface',
  ami: 'AMI',
  sg: 'security group',
} as const;

export type IdPrefix = keyof typeof ID_KINDS;

/** Throws unless `id` is `prefix-` followed by 8 or 17 lower-case hex digits. */
export function checkId(prefix: IdPrefix, id: string): string {
  if (new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(id)) return id;
  const kind = ID_KINDS[prefix];
  throw new UserError(`"${id}" is not a valid ${kind} ID`, {
    hint: `${kind} IDs are ${prefix}- followed by 8 or 17 hex digits, e.g. ${prefix}-0123456789abcdef0`,
  });
}

export const checkInstanceId = (id: string) => checkId('i', id);
export const checkVolumeId = (id: string) => checkId('vol', id);
export const checkSnapshotId = (id: string) => checkId('snap', id);
export const checkAllocationId = (id: string) => checkId('eipalloc', id);
export const checkAssociationId = (id: string) => checkId('eipassoc', id);
export const checkNetworkInterfaceId = (id: string) => checkId('eni', id);
export const checkImageId = (id: string) => checkId('ami', id);
export const checkGroupId = (id: string) => checkId('sg', id);

/** At least one instance ID, each valid; duplicates are dropped. */
export function checkInstanceIds(ids: readonly string[]): string[] {
  if (ids.length === 0)
    throw new UserError('no instances chosen', {
      hint: 'mark instances with Space, or pick one',
    });
  return [...new Set(ids.map(checkInstanceId))];
}

/** Any ID that can carry tags here; the prefix decides which check applies. */
export function checkTaggableId(id: string): string {
  const prefix = /^([a-z]+)-/.exec(id)?.[1];
  if (prefix !== undefined && prefix in ID_KINDS)
    return checkId(prefix as IdPrefix, id);
  throw new UserError(`"${id}" is not an EC2 resource ID`, {
    hint: 'expected an ID such as i-..., vol-..., snap-..., eipalloc-... or ami-...',
  });
}

/** Tag keys 1-128 characters, values up to 256, no aws: prefix, no key both added and removed. */
export function checkTagChanges(add: Tags, remove: readonly string[]): void {
  for (const key of [...Object.keys(add), ...remove]) {
    if (key.length === 0 || key.length > 128)
      throw new UserError(`tag key "${key}" must be 1 to 128 characters`);
    if (key.toLowerCase().startsWith('aws:'))
      throw new UserError(`tag key "${key}" is reserved`, {
        hint: 'keys starting with aws: belong to AWS and cannot be changed',
      });
  }
  for (const [key, value] of Object.entries(add)) {
    if (value.length > 256)
      throw new UserError(`the value of tag "${key}" is over 256 characters`);
    if (remove.includes(key))
      throw new UserError(`tag "${key}" is both set and removed`, {
        hint: 'choose one',
      });
  }
}

/** Size limits in GiB per EBS volume type. */
export const VOLUME_SIZES: Readonly<Record<string, readonly [number, number]>> =
  {
    gp2: [1, 16384],
    gp3: [1, 16384],
    io1: [4, 16384],
    io2: [4, 65536],
    st1: [125, 16384],
    sc1: [125, 16384],
    standard: [1, 1024],
  };

export function checkVolumeType(type: string): string {
  if (type in VOLUME_SIZES) return type;
  throw new UserError(`"${type}" is not an EBS volume type`, {
    hint: `use one of ${Object.keys(VOLUME_SIZES).join(', ')}`,
  });
}

export function checkVolumeSize(type: string, size: number): number {
  const [min, max] = VOLUME_SIZES[checkVolumeType(type)] ?? [1, 16384];
  if (!Number.isInteger(size) || size < min || size > max)
    throw new UserError(`a ${type} volume must be ${min} to ${max} GiB`, {
      hint: `${size} GiB is outside that range`,
    });
  return size;
}

/** IOPS apply to gp3, io1 and io2; throughput only to gp3. */
export function checkPerformance(
  type: string,
  iops: number | undefined,
  throughput: number | undefined,
): void {
  if (iops !== undefined && !['gp3', 'io1', 'io2'].includes(type))
    throw new UserError(`IOPS cannot be set on a ${type} volume`, {
      hint: 'only gp3, io1 and io2 take an IOPS value',
    });
  if (iops !== undefined && (!Number.isInteger(iops) || iops <= 0))
    throw new UserError(`IOPS must be a positive whole number`);
  if (throughput !== undefined && type !== 'gp3')
    throw new UserError(`throughput cannot be set on a ${type} volume`, {
      hint: 'only gp3 takes a throughput value (MiB/s)',
    });
  if (
    throughput !== undefined &&
    (!Number.isInteger(throughput) || throughput <= 0)
  )
    throw new UserError('throughput must be a positive whole number of MiB/s');
}

export function checkSizeFromSnapshot(
  size: number,
  snapshotSize: number,
  snapshotId: string,
): void {
  if (size < snapshotSize)
    throw new UserError(
      `a volume from ${snapshotId} must be at least ${snapshotSize} GiB (the snapshot's size)`,
      {
        hint: `${size} GiB is smaller; leave the size out to use ${snapshotSize}`,
      },
    );
}

/** EBS volumes only grow: a smaller size would cut the file system. */
export function checkSizeGrows(current: number, next: number): void {
  if (next < current)
    throw new UserError(
      `a volume cannot shrink from ${current} to ${next} GiB`,
      {
        hint: 'copy the data to a new, smaller volume instead',
      },
    );
}

const DEVICE = /^\/dev\/(sd[f-p]|xvd[f-z])$/;

export function checkDevice(device: string): string {
  if (DEVICE.test(device)) return device;
  throw new UserError(`"${device}" is not a device name for an EBS volume`, {
    hint: 'use /dev/sdf to /dev/sdp, or /dev/xvdf to /dev/xvdz',
  });
}

/** The drive letter of /dev/sdX, /dev/xvdX (with or without /dev/ and a partition digit). */
export function deviceLetter(device: string): string | undefined {
  return /^(?:\/dev\/)?(?:sd|xvd)([a-z])\d*$/.exec(device)?.[1];
}

/** The first of /dev/sdf../dev/sdp whose letter no device in `used` takes. */
export function suggestDevice(used: readonly string[]): string | undefined {
  const taken = new Set(used.map(deviceLetter));
  for (const letter of 'fghijklmnop') {
    if (!taken.has(letter)) return `/dev/sd${letter}`;
  }
  return undefined;
}

export function checkImageName(name: string): string {
  if (name.length < 3 || name.length > 128)
    throw new UserError('an image name must be 3 to 128 characters', {
      hint: `"${name}" has ${name.length}`,
    });
  if (!/^[A-Za-z0-9()[\] ./\-'@_]+$/.test(name))
    throw new UserError(`"${name}" has characters an AMI name cannot have`, {
      hint: "use letters, digits, spaces and ( ) [ ] . / - ' @ _",
    });
  return name;
}

/** Descriptions of snapshots and images: at most 255 characters. */
export function checkDescription(text: string): string {
  if (text.length > 255)
    throw new UserError(
      `the description is ${text.length} characters; EC2 takes 255`,
    );
  return text;
}

export function checkRegion(code: string): string {
  if (/^[a-z]{2}(-[a-z]+){1,2}-\d{1,2}$/.test(code)) return code;
  throw new UserError(`"${code}" is not a region code`, {
    hint: 'region codes look like us-east-1 or ap-southeast-2 (:regions lists them)',
  });
}

/** A zone such as us-west-2a, in the given region. */
export function checkZone(zone: string, region: string): string {
  if (!/^[a-z]{2}(-[a-z0-9]+)+[a-z]$/.test(zone))
    throw new UserError(`"${zone}" is not an availability zone`, {
      hint: `zones look like ${region}a`,
    });
  if (!zone.startsWith(region))
    throw new UserError(`availability zone ${zone} is not in ${region}`, {
      hint: `pick a zone of ${region}, or switch region with :region`,
    });
  return zone;
}

export function checkIpv4(ip: string): string {
  const parts = ip.split('.');
  if (
    parts.length === 4 &&
    parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  )
    return ip;
  throw new UserError(`"${ip}" is not an IPv4 address`);
}
