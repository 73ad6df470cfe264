import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  metadataAddress,
  urlAddress,
} from '../../../../source/aws/ec2/security-groups/my-address.js';
import { isReadOperation } from '../../../../source/safety/read-only.js';

describe('"what is my IP" URL', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/plain') response.end('203.0.113.9\n');
      else if (request.url === '/html') response.end('<html>hello</html>');
      else {
        response.statusCode = 503;
        response.end();
      }
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('takes a bare address as one host', async () => {
    expect(await urlAddress(`${base}/plain`)).toBe('203.0.113.9/32');
  });
  it('says what is wrong with any other answer', async () => {
    await expect(urlAddress(`${base}/html`)).rejects.toThrow(
      /did not answer with an address/,
    );
    await expect(urlAddress(`${base}/down`)).rejects.toThrow(/answered 503/);
    await expect(urlAddress('http://127.0.0.1:1/', 500)).rejects.toThrow(
      /did not answer/,
    );
  });
  it('asks no metadata service when it is disabled', async () => {
    expect(
      await metadataAddress({ AWS_EC2_METADATA_DISABLED: 'true' }),
    ).toBeUndefined();
  });
});

describe('the write guard and security groups', () => {
  it('lets the reads through and treats every change as a write', () => {
    for (const read of [
      'DescribeSecurityGroups',
      'DescribeNetworkInterfaces',
      'DescribeVpcs',
    ])
      expect(isReadOperation('ec2', read)).toBe(true);
    for (const write of [
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'UpdateSecurityGroupRuleDescriptionsIngress',
      'UpdateSecurityGroupRuleDescriptionsEgress',
      'CreateSecurityGroup',
      'DeleteSecurityGroup',
      'ModifyInstanceAttribute',
    ])
      expect(isReadOperation('ec2', write)).toBe(false);
  });
});
