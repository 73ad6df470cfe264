/**
 * The demo's failover pair: web-1's Elastic IP with web-2 as standby, and two
 * small local HTTP servers standing in for the instances' health endpoints
 * (the lab's instances are not machines; their addresses must not be probed).
 */
import { DescribeAddressesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LAB_CREDENTIALS } from './lab-aws.js';

export interface FailoverDemo {
  /** Lines to append to the lab's config file. */
  readonly configLines: readonly string[];
  readonly stop: () => Promise<void>;
}

function healthServer(): Promise<Server> {
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/health' ? 200 : 404).end('ok\n');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

export async function startFailoverDemo(
  endpoint: string,
): Promise<FailoverDemo> {
  const client = new EC2Client({
    region: 'us-east-1',
    endpoint,
    credentials: LAB_CREDENTIALS,
  });
  let publicIp: string | undefined;
  try {
    const found = await client.send(
      new DescribeAddressesCommand({
        Filters: [{ Name: 'tag:Name', Values: ['web-1-eip'] }],
      }),
    );
    publicIp = found.Addresses?.[0]?.PublicIp;
  } finally {
    client.destroy();
  }
  if (publicIp === undefined) return { configLines: [], stop: async () => {} };
  const servers = await Promise.all([healthServer(), healthServer()]);
  const [web1, web2] = servers.map(
    (server) => `127.0.0.1:${String((server.address() as AddressInfo).port)}`,
  );
  return {
    configLines: [
      'failover:',
      '  lab-web:',
      `    eip: ${publicIp}`,
      '    active: web-1',
      '    standby: web-2',
      '    check: { http: { port: 80, path: /health }, timeout: 1 }',
      '    interval: 5',
      '    failures: 3',
      '    cooldown: 60',
      `    checkTargets: { web-1: "${web1 ?? ''}", web-2: "${web2 ?? ''}" }`,
      '',
    ],
    stop: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
