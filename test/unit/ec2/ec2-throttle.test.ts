// The SDK's own retries, against a loopback endpoint that always throttles:
// a mocked client skips the middleware stack, so it cannot show them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { createVolumeService } from '../../../source/aws/ec2/volumes.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { describeError } from '../../../source/lib/errors.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';

const THROTTLED = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>stub</RequestID></Response>`;

describe('EC2 throttling', () => {
  let server: Server;
  let endpoint = '';
  let requests = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests++;
      request.resume();
      request.on('end', () => {
        response.writeHead(503, { 'Content-Type': 'text/xml' });
        response.end(THROTTLED);
      });
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('retries RequestLimitExceeded, then says AWS is throttling', async () => {
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIASTUBSTUBSTUB0001');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'stub-not-a-secret');
    const factory = createAwsClientFactory(
      { profile: undefined, region: 'us-west-2', endpoint, maxAttempts: 2 },
      { guard: createWriteGuard(false), events: createEventLog() },
    );
    const volumes = createVolumeService(factory);
    const error: unknown = await volumes
      .availabilityZones()
      .catch((problem: unknown) => problem);
    factory.destroy();
    expect(requests).toBe(2);
    expect(describeError(error)).toBe(
      'AWS is throttling ec2:DescribeAvailabilityZones even after retries (wait a minute and refresh; lower the refresh rate in config.yaml)',
    );
  });
});
