/**
 * A small IMDSv2 server for tests: a token first, then meta-data reads with
 * it, answering the instance ID and region it is given (moto's own metadata
 * routes always answer i-fake, which is no moto instance).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeImds {
  readonly endpoint: string;
  /** Requests seen, as "METHOD path". */
  readonly seen: string[];
  /** What the server answers; change between runs. */
  readonly values: Record<string, string>;
  readonly close: () => Promise<void>;
}

export async function startFakeImds(
  values: Record<string, string>,
): Promise<FakeImds> {
  const token = `token-${String(process.pid)}`;
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (request.url === '/latest/api/token') {
      if (request.method !== 'PUT') response.writeHead(405).end();
      else response.end(token);
      return;
    }
    if (request.headers['x-aws-ec2-metadata-token'] !== token) {
      response.writeHead(401).end();
      return;
    }
    const value = values[(request.url ?? '').replace('/latest/meta-data/', '')];
    if (value === undefined) response.writeHead(404).end();
    else response.end(value);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${String(port)}`,
    seen,
    values,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
