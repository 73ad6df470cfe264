/** HTTP and TCP checks against small local servers: healthy, down, flapping, slow. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runCheck,
  type CheckSpec,
} from '../../../source/failover/health-check.js';
import {
  startHealthServer,
  startTcpServer,
  type HealthServer,
} from '../../helpers/health-servers.js';

const http = (port: number, status = 200): CheckSpec => ({
  kind: 'http',
  port,
  path: '/health',
  status,
});
const local = (port: number) => ({ host: '127.0.0.1', port });

let server: HealthServer;
beforeAll(async () => {
  server = await startHealthServer('healthy', 2000);
});
afterAll(() => server.close());

describe('health checks', () => {
  it('passes on the expected status and says how long it took', async () => {
    server.mode = 'healthy';
    const outcome = await runCheck(http(server.port), local(server.port), 1000);
    expect(outcome).toMatchObject({ ok: true, detail: 'HTTP 200' });
    expect(outcome.millis).toBeLessThan(1000);
  });

  it('fails on another status, naming both', async () => {
    server.mode = 'failing';
    expect(
      await runCheck(http(server.port), local(server.port), 1000),
    ).toMatchObject({ ok: false, detail: 'HTTP 503, expected 200' });
    // A check that expects 503 (a maintenance page) passes on it.
    expect(
      (await runCheck(http(server.port, 503), local(server.port), 1000)).ok,
    ).toBe(true);
  });

  it('a flapping server alternates', async () => {
    server.mode = 'flapping';
    const seen: boolean[] = [];
    for (let round = 0; round < 4; round++)
      seen.push(
        (await runCheck(http(server.port), local(server.port), 1000)).ok,
      );
    expect(new Set(seen)).toEqual(new Set([true, false]));
    expect(seen[0]).not.toBe(seen[1]);
  });

  it('a slow server fails at the timeout, not when it answers', async () => {
    server.mode = 'slow';
    const outcome = await runCheck(http(server.port), local(server.port), 200);
    expect(outcome).toMatchObject({
      ok: false,
      detail: 'timed out after 200 ms',
    });
    expect(outcome.millis).toBeGreaterThanOrEqual(190);
    expect(outcome.millis).toBeLessThan(1500);
  });

  it('a server that went down fails at once, also after a pass on the same port', async () => {
    const going = await startHealthServer('healthy');
    expect((await runCheck(http(going.port), local(going.port), 1000)).ok).toBe(
      true,
    );
    await going.down();
    expect(
      await runCheck(http(going.port), local(going.port), 1000),
    ).toMatchObject({ ok: false, detail: 'ECONNREFUSED' });
    await going.up();
    expect((await runCheck(http(going.port), local(going.port), 1000)).ok).toBe(
      true,
    );
    await going.close();
  });

  it('TCP: a listener passes, a closed port fails', async () => {
    const tcp = await startTcpServer();
    const spec: CheckSpec = { kind: 'tcp', port: tcp.port };
    expect(await runCheck(spec, local(tcp.port), 1000)).toMatchObject({
      ok: true,
      detail: 'TCP connected',
    });
    await tcp.close();
    expect(await runCheck(spec, local(tcp.port), 1000)).toMatchObject({
      ok: false,
      detail: 'ECONNREFUSED',
    });
  });
});
