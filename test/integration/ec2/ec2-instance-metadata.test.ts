/** The IMDSv2 client against moto's own instance-metadata routes. */
import { describe, expect, it } from 'vitest';
import { InstanceMetadata } from '../../../source/aws/ec2/instance-metadata.js';
import { moto } from './ec2-lab.js';

describe.skipIf(!moto.info)(`instance metadata on moto${moto.missing}`, () => {
  it('reads the instance ID and region through a session token', async () => {
    const metadata = new InstanceMetadata({
      env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: moto.info?.endpoint },
    });
    // moto answers one fixed identity for every caller.
    expect(await metadata.instanceId()).toBe('i-fake');
    expect(await metadata.region()).toBe('us-east-1');
    expect(await metadata.publicIpv4()).toBe('198.51.100.1');
  });
});
