/**
 * The IMDSv2 client against a small local metadata server that behaves like
 * EC2's: no token, no answer; paths that do not exist are 404.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InstanceMetadata,
  metadataEndpoint,
} from '../../../source/aws/ec2/instance-metadata.js';

const TOKEN = 'session-token-1';
const VALUES: Record<string, string> = {
  'instance-id': 'i-0abc123def4567890',
  'placement/region': 'eu-west-1',
  'local-ipv4': '10.0.0.5',
};

let server: Server;
let endpoint = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (request.url === '/latest/api/token') {
      if (
        request.method !== 'PUT' ||
        !request.headers['x-aws-ec2-metadata-token-ttl-seconds']
      ) {
        response.writeHead(400).end();
        return;
      }
      response.end(TOKEN);
      return;
    }
    if (request.headers['x-aws-ec2-metadata-token'] !== TOKEN) {
      response.writeHead(401).end();
      return;
    }
    const path = (request.url ?? '').replace('/latest/meta-data/', '');
    const value = VALUES[path];
    if (value === undefined) response.writeHead(404).end();
    else response.end(`${value}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
});

afterAll(() => {
  server.close();
});

describe('instance metadata (IMDSv2)', () => {
  it('takes a session token once, then reads with it', async () => {
    seen.length = 0;
    const metadata = new InstanceMetadata({ endpoint });
    expect(await metadata.instanceId()).toBe('i-0abc123def4567890');
    expect(await metadata.region()).toBe('eu-west-1');
    expect(await metadata.localIpv4()).toBe('10.0.0.5');
    expect(seen.filter((line) => line.startsWith('PUT'))).toHaveLength(1);
  });

  it('says undefined for a public address the instance does not have', async () => {
    const metadata = new InstanceMetadata({ endpoint });
    expect(await metadata.publicIpv4()).toBeUndefined();
    await expect(metadata.read('public-ipv4')).rejects.toThrow(
      'the instance metadata has no public-ipv4',
    );
  });

  it('follows AWS_EC2_METADATA_SERVICE_ENDPOINT, without a trailing slash', async () => {
    expect(metadataEndpoint({})).toBe('http://169.254.169.254');
    expect(
      metadataEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint }),
    ).toBe(endpoint.replace(/\/$/, ''));
    const metadata = new InstanceMetadata({
      env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint },
    });
    expect(await metadata.instanceId()).toBe('i-0abc123def4567890');
  });

  it('says plainly when nothing answers: not on EC2', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) =>
      closed.listen(0, '127.0.0.1', resolve),
    );
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const metadata = new InstanceMetadata({
      endpoint: `http://127.0.0.1:${String(port)}`,
      timeoutMs: 500,
    });
    await expect(metadata.instanceId()).rejects.toThrow(/^not on EC2/);
  });

  it('makes no request when AWS_EC2_METADATA_DISABLED is true', async () => {
    seen.length = 0;
    const metadata = new InstanceMetadata({
      endpoint,
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
    });
    await expect(metadata.instanceId()).rejects.toThrow('disabled');
    expect(seen).toEqual([]);
  });
});
