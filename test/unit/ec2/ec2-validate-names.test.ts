import { describe, expect, it } from 'vitest';
import { UserError } from '../../../source/lib/errors.js';
import {
  checkDescription,
  checkDevice,
  checkImageName,
  checkIpv4,
  checkRegion,
  checkZone,
  deviceLetter,
  suggestDevice,
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

describe('device names', () => {
  it.each(['/dev/sdf', '/dev/sdp', '/dev/xvdf', '/dev/xvdz'])(
    'accepts %s',
    (device) => {
      expect(checkDevice(device)).toBe(device);
    },
  );

  it.each([
    '/dev/sda1',
    '/dev/sde',
    '/dev/sdq',
    '/dev/sdf1',
    'sdf',
    '/dev/xvde',
  ])('refuses %s', (device) => {
    expect(refusal(() => checkDevice(device)).hint).toBe(
      'use /dev/sdf to /dev/sdp, or /dev/xvdf to /dev/xvdz',
    );
  });

  it('reads the drive letter of either naming', () => {
    expect(deviceLetter('/dev/sdf')).toBe('f');
    expect(deviceLetter('/dev/xvdg')).toBe('g');
    expect(deviceLetter('/dev/sda1')).toBe('a');
    expect(deviceLetter('/dev/nvme1n1')).toBeUndefined();
  });

  it('suggests the first free letter, sdX and xvdX being the same', () => {
    expect(suggestDevice([])).toBe('/dev/sdf');
    expect(suggestDevice(['/dev/sda1', '/dev/sdf', '/dev/xvdg'])).toBe(
      '/dev/sdh',
    );
    const all = [...'fghijklmnop'].map((letter) => `/dev/xvd${letter}`);
    expect(suggestDevice(all)).toBeUndefined();
  });
});

describe('names, descriptions, regions, zones, addresses', () => {
  it('checks image names', () => {
    expect(checkImageName("web-1 (2024-05-01) [golden] v1.2/x_y@z's")).toMatch(
      /^web-1/,
    );
    expect(refusal(() => checkImageName('ab')).message).toBe(
      'an image name must be 3 to 128 characters',
    );
    expect(() => checkImageName('x'.repeat(129))).toThrow('3 to 128');
    expect(refusal(() => checkImageName('web#1')).message).toBe(
      '"web#1" has characters an AMI name cannot have',
    );
  });

  it('limits descriptions to 255 characters', () => {
    expect(checkDescription('nightly')).toBe('nightly');
    expect(() => checkDescription('d'.repeat(256))).toThrow(
      'the description is 256 characters; EC2 takes 255',
    );
  });

  it('checks region codes', () => {
    for (const code of ['us-east-1', 'ap-southeast-2', 'us-gov-west-1'])
      expect(checkRegion(code)).toBe(code);
    expect(() => checkRegion('useast1')).toThrow(
      '"useast1" is not a region code',
    );
    expect(() => checkRegion('US-EAST-1')).toThrow('not a region code');
  });

  it('checks that a zone belongs to the region', () => {
    expect(checkZone('us-west-2a', 'us-west-2')).toBe('us-west-2a');
    expect(refusal(() => checkZone('us-east-1a', 'us-west-2')).message).toBe(
      'availability zone us-east-1a is not in us-west-2',
    );
    expect(() => checkZone('zone a', 'us-west-2')).toThrow(
      'not an availability zone',
    );
  });

  it('checks IPv4 addresses', () => {
    expect(checkIpv4('10.0.0.12')).toBe('10.0.0.12');
    expect(() => checkIpv4('10.0.0.256')).toThrow('not an IPv4 address');
    expect(() => checkIpv4('10.0.0')).toThrow('not an IPv4 address');
  });
});
