import { describe, expect, it } from 'vitest';
import { UserError } from '../../../source/lib/errors.js';
import {
  checkAllocationId,
  checkAssociationId,
  checkId,
  checkImageId,
  checkInstanceId,
  checkInstanceIds,
  checkNetworkInterfaceId,
  checkPerformance,
  checkSizeFromSnapshot,
  checkSizeGrows,
  checkSnapshotId,
  checkTagChanges,
  checkTaggableId,
  checkVolumeId,
  checkVolumeSize,
  checkVolumeType,
} from '../../../source/aws/ec2/validate.js';

/** The UserError a check throws, to assert on its message and hint. */
function refusal(check: () => unknown): UserError {
  try {
    check();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('the check accepted the input');
}

describe('resource IDs', () => {
  it.each([
    ['instance', 'i-0123456789abcdef0', checkInstanceId],
    ['instance', 'i-1234abcd', checkInstanceId],
    ['volume', 'vol-049df61146c4d7901', checkVolumeId],
    ['snapshot', 'snap-0123abcd', checkSnapshotId],
    ['allocation', 'eipalloc-9d7a3f00e79211f44', checkAllocationId],
    ['association', 'eipassoc-b5f148c81125ef049', checkAssociationId],
    ['interface', 'eni-12345678', checkNetworkInterfaceId],
    ['image', 'ami-1e749f67', checkImageId],
  ])('accepts the %s ID %s', (_kind, id, check) => {
    expect(check(id)).toBe(id);
  });

  it.each([
    ['instance', 'i-123', checkInstanceId],
    ['instance', 'i-0123456789ABCDEF0', checkInstanceId],
    ['instance', 'i-0123456789abcdef', checkInstanceId],
    ['instance', 'vol-0123456789abcdef0', checkInstanceId],
    ['volume', 'vol-xyz12345', checkVolumeId],
    ['snapshot', ' snap-0123abcd', checkSnapshotId],
    ['Elastic IP allocation', 'eipassoc-12345678', checkAllocationId],
    ['Elastic IP association', 'eipalloc-12345678', checkAssociationId],
    ['network interface', 'eni-', checkNetworkInterfaceId],
    ['AMI', 'ami-1e749f6', checkImageId],
  ])('refuses as %s ID "%s"', (kind, id, check) => {
    const error = refusal(() => check(id));
    expect(error.message).toBe(`"${id}" is not a valid ${kind} ID`);
    expect(error.hint).toMatch(/8 or 17 hex digits/);
  });

  it('names the expected shape in the hint', () => {
    expect(refusal(() => checkId('vol', 'v-1')).hint).toBe(
      'volume IDs are vol- followed by 8 or 17 hex digits, e.g. vol-0123456789abcdef0',
    );
  });

  it('needs at least one instance and drops duplicates', () => {
    expect(refusal(() => checkInstanceIds([])).message).toBe(
      'no instances chosen',
    );
    expect(
      checkInstanceIds(['i-1234abcd', 'i-1234abcd', 'i-5678abcd']),
    ).toEqual(['i-1234abcd', 'i-5678abcd']);
    expect(() => checkInstanceIds(['i-1234abcd', 'bogus'])).toThrow(
      '"bogus" is not a valid instance ID',
    );
  });

  it('checks a taggable ID by its prefix', () => {
    expect(checkTaggableId('vol-1234abcd')).toBe('vol-1234abcd');
    expect(() => checkTaggableId('vol-12')).toThrow('not a valid volume ID');
    expect(() => checkTaggableId('bucket-name')).toThrow(
      'not an EC2 resource ID',
    );
  });
});

describe('tags', () => {
  it('accepts ordinary changes', () => {
    expect(() =>
      checkTagChanges({ Name: 'web-1', env: '' }, ['team']),
    ).not.toThrow();
  });

  it('refuses reserved, empty, long and contradictory keys', () => {
    expect(
      refusal(() => checkTagChanges({ 'aws:owner': 'x' }, [])).message,
    ).toBe('tag key "aws:owner" is reserved');
    expect(() => checkTagChanges({}, [''])).toThrow('1 to 128 characters');
    expect(() => checkTagChanges({ ['k'.repeat(129)]: 'v' }, [])).toThrow(
      '1 to 128 characters',
    );
    expect(() => checkTagChanges({ env: 'v'.repeat(257) }, [])).toThrow(
      'over 256 characters',
    );
    expect(() => checkTagChanges({ env: 'prod' }, ['env'])).toThrow(
      'tag "env" is both set and removed',
    );
  });
});

describe('volume sizes and types', () => {
  it.each([
    ['gp2', 1, 16384],
    ['gp3', 1, 16384],
    ['io1', 4, 16384],
    ['io2', 4, 65536],
    ['st1', 125, 16384],
    ['sc1', 125, 16384],
    ['standard', 1, 1024],
  ])('%s takes %i to %i GiB', (type, min, max) => {
    expect(checkVolumeSize(type, min)).toBe(min);
    expect(checkVolumeSize(type, max)).toBe(max);
    expect(refusal(() => checkVolumeSize(type, min - 1)).message).toBe(
      `a ${type} volume must be ${min} to ${max} GiB`,
    );
    expect(() => checkVolumeSize(type, max + 1)).toThrow(UserError);
  });

  it('refuses fractions and unknown types', () => {
    expect(() => checkVolumeSize('gp3', 10.5)).toThrow('1 to 16384 GiB');
    expect(refusal(() => checkVolumeType('gp9')).hint).toBe(
      'use one of gp2, gp3, io1, io2, st1, sc1, standard',
    );
  });

  it('refuses a size below the snapshot size', () => {
    expect(() =>
      checkSizeFromSnapshot(100, 100, 'snap-1234abcd'),
    ).not.toThrow();
    const error = refusal(() => checkSizeFromSnapshot(5, 20, 'snap-1234abcd'));
    expect(error.message).toBe(
      "a volume from snap-1234abcd must be at least 20 GiB (the snapshot's size)",
    );
  });

  it('lets a volume grow or stay, never shrink', () => {
    expect(() => checkSizeGrows(100, 200)).not.toThrow();
    expect(() => checkSizeGrows(100, 100)).not.toThrow();
    expect(refusal(() => checkSizeGrows(100, 50)).message).toBe(
      'a volume cannot shrink from 100 to 50 GiB',
    );
  });

  it('allows IOPS and throughput only where they apply', () => {
    expect(() => checkPerformance('gp3', 4000, 250)).not.toThrow();
    expect(() => checkPerformance('io2', 10000, undefined)).not.toThrow();
    expect(() => checkPerformance('gp2', 4000, undefined)).toThrow(
      'IOPS cannot be set on a gp2 volume',
    );
    expect(() => checkPerformance('io1', undefined, 250)).toThrow(
      'throughput cannot be set on a io1 volume',
    );
    expect(() => checkPerformance('gp3', -1, undefined)).toThrow('positive');
  });
});
