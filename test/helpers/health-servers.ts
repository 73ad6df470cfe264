/**
 * Small local health targets for the failover tests: an HTTP server whose
 * answer the test sets (healthy, down, flapping, slow) and a TCP listener.
 * "Down" closes the listener and every open connection, as a dead process would.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export type HealthMode = 'healthy' | 'failing' | 'flapping' | 'slow';

export interface HealthServer {
  readonly port: number;
  readonly target: string;
  mode: HealthMode;
  /** For flapping: "x" fails, "." passes, one character per request, repeated. */
  flap: string;
  /** Requests answered so far. */
  readonly hits: () => number;
  /** Stops listening and drops every connection. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server | ReturnType<typeof createTcpServer>, port = 0) {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    );
  });
}

export async function startHealthServer(
  mode: HealthMode = 'healthy',
  slowMs = 3000,
): Promise<HealthServer> {
  let hits = 0;
  let listening = true;
  const server = createHttpServer((request, response) => {
    hits++;
    const current = handle.mode;
    if (current === 'slow') {
      const timer = setTimeout(() => response.end('late'), slowMs);
      request.socket.once('close', () => clearTimeout(timer));
      return;
    }
    const healthy =
      current === 'healthy' ||
      (current === 'flapping' &&
        handle.flap[(hits - 1) % handle.flap.length] === '.');
    response.writeHead(healthy ? 200 : 503).end(healthy ? 'ok' : 'no');
  });
  const port = await listen(server);
  const close = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const handle: HealthServer = {
    port,
    target: `127.0.0.1:${String(port)}`,
    mode,
    flap: 'x.',
    hits: () => hits,
    down: close,
    async up() {
      await listen(server, port);
      listening = true;
    },
    close,
  };
  return handle;
}

export async function startTcpServer(): Promise<{
  port: number;
  close(): Promise<void>;
}> {
  const server = createTcpServer((socket) => socket.end());
  const port = await listen(server);
  return {
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
