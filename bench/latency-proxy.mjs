// A TCP proxy that delays every chunk by a fixed one-way time in each
// direction, with no bandwidth cap: a 20 ms round trip is 10 ms each way.
// Benchmarks run each peer both on loopback and through it, since real use is
// never on loopback. Order is kept because timers of equal delay fire in the
// order they were set.
import { createServer, connect } from 'node:net';

/**
 * @param {{ targetPort: number, targetHost?: string, roundTripMs?: number }} options
 * @returns {Promise<{ port: number, url: string, close: () => Promise<void> }>}
 */
export async function startLatencyProxy({
  targetPort,
  targetHost = '127.0.0.1',
  roundTripMs = 20,
}) {
  const oneWay = roundTripMs / 2;
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    pipeDelayed(client, upstream, oneWay);
    pipeDelayed(upstream, client, oneWay);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    // Ended, not destroyed: bytes still delayed in flight (a whole 32 MiB
    // body behind a server that closes at once) must reach the other side.
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ])
      socket.on('close', () => {
        sockets.delete(socket);
        setTimeout(() => other.end(), oneWay);
      });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (
    server.address()
  );
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function pipeDelayed(from, to, delayMs) {
  from.on('data', (chunk) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs);
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
}
