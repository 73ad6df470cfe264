/**
 * The instances pane's pages fetched on the page worker (the built one in
 * dist/, as the console runs it): against moto the same rows and cursors as
 * the SDK gives, with the SDK asked once; against a small fake EC2 endpoint,
 * an error answer left to the SDK (same message as without the worker), a
 * cancelled page whose request is dropped, and a worker that cannot run.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { createInstanceService } from '../../../source/aws/ec2/instances.js';
import {
  createInstancePageThread,
  type InstancePageThread,
} from '../../../source/aws/ec2/page-thread/page-thread.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { describeError } from '../../../source/lib/errors.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import {
  WRITE_REGION,
  direct,
  labFactory,
  launch,
  moto,
  useLabProfiles,
} from './ec2-lab.js';

const worker = fileURLToPath(
  new URL('../../../dist/ec2-page-worker.js', import.meta.url),
);
const signal = new AbortController().signal;

const PAGE = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><reservationSet><item><reservationId>r-0a</reservationId><instancesSet><item><instanceId>i-0123456789abcdef0</instanceId><instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType><launchTime>2026-01-02T03:04:05.000Z</launchTime><tagSet><item><key>Name</key><value>fake &amp; &lt;one&gt;</value></item></tagSet></item></instancesSet></item></reservationSet><nextToken>more</nextToken></DescribeInstancesResponse>`;
const REFUSAL = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidPaginationToken</Code><Message>The token "refuse" is invalid</Message></Error></Errors><RequestID>r-2</RequestID></Response>`;

/** A fake EC2: the first page, a refusal for NextToken=refuse, silence for NextToken=hang. */
async function fakeEc2() {
  const bodies: string[] = [];
  const sockets: Socket[] = [];
  let hangClosed = false;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(body);
      if (body.includes('NextToken=hang'))
        return void request.socket.on('close', () => (hangClosed = true));
      const refuse = body.includes('NextToken=refuse');
      response.writeHead(refuse ? 400 : 200, { 'content-type': 'text/xml' });
      response.end(refuse ? REFUSAL : PAGE);
    });
  });
  server.on('connection', (socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const factory = createAwsClientFactory(
    {
      profile: 'lab',
      region: WRITE_REGION,
      endpoint: `http://127.0.0.1:${port}`,
      maxAttempts: 1,
    },
    { guard: createWriteGuard(false, ''), events: createEventLog() },
  );
  return {
    factory,
    bodies,
    hangClosed: () => hangClosed,
    stop: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(!moto.info)(
  `EC2 pages on a worker thread${moto.missing}`,
  () => {
    useLabProfiles();
    const threads: InstancePageThread[] = [];
    const thread = (script = worker) => {
      const created = createInstancePageThread(script);
      threads.push(created);
      return created;
    };
    afterEach(() => threads.splice(0).forEach((each) => each.close()));

    it('is built beside the bundle (npm test builds first)', () => {
      expect(existsSync(worker)).toBe(true);
    });

    it('gives the SDK’s pages, asking the SDK only for the first', async () => {
      const client = direct(WRITE_REGION);
      await launch(client, 4, { tags: { Name: ' a & <b> "c" \u202e ü ' } });
      await launch(client, 3, { tags: { Name: '', note: 'x\ny' } });
      client.destroy();
      const here = createInstanceService(labFactory(WRITE_REGION).factory, {
        pageSize: 5,
      });
      const { factory } = labFactory(WRITE_REGION);
      const there = createInstanceService(factory, {
        pageSize: 5,
        pageThread: thread(),
      });
      const sdkSends = vi.spyOn(await factory.ec2(), 'send');
      const firstPass = new Map<string, object>();
      for (let pass = 0; pass < 2; pass++) {
        let cursor: string | undefined;
        let pages = 0;
        do {
          const mine = await here.list(cursor, signal);
          const theirs = await there.list(cursor, signal);
          expect(theirs).toEqual(mine);
          expect(theirs.rows.length).toBeGreaterThan(0);
          // The worker's rows unchanged since it sent them are the objects
          // the console already has (the first page came from the SDK).
          for (const row of theirs.rows)
            if (pass === 0) firstPass.set(row.id, row);
            else if (cursor === undefined)
              expect(row).not.toBe(firstPass.get(row.id));
            else expect(row).toBe(firstPass.get(row.id));
          cursor = theirs.next;
          pages++;
        } while (cursor !== undefined);
        expect(pages).toBeGreaterThan(1);
      }
      expect(sdkSends).toHaveBeenCalledTimes(1);
    });

    it('leaves an error answer to the SDK, which explains it', async () => {
      const fake = await fakeEc2();
      try {
        const there = createInstanceService(fake.factory, {
          pageThread: thread(),
        });
        const first = await there.list(undefined, signal);
        expect(first.rows[0]?.name).toBe('fake & <one>');
        const theirs = await there.list('refuse', signal).catch(describeError);
        const mine = await createInstanceService(fake.factory)
          .list('refuse', signal)
          .catch(describeError);
        expect(theirs).toMatch(/token "refuse" is invalid/);
        expect(theirs).toBe(mine);
        // The worker's try, then the SDK's, then the SDK's without the worker.
        expect(
          fake.bodies.filter((body) => body.includes('refuse')),
        ).toHaveLength(3);
      } finally {
        await fake.stop();
      }
    });

    it('drops a page in flight when its signal aborts', async () => {
      const fake = await fakeEc2();
      try {
        const there = createInstanceService(fake.factory, {
          pageThread: thread(),
        });
        await there.list(undefined, signal);
        const controller = new AbortController();
        const page = there.list('hang', controller.signal);
        await expect
          .poll(
            () => fake.bodies.filter((body) => body.includes('hang')).length,
          )
          .toBe(1);
        controller.abort();
        await expect(page).rejects.toMatchObject({ name: 'AbortError' });
        // The worker dropped the request: its connection is closed.
        await expect
          .poll(() => fake.hangClosed(), { timeout: 10_000 })
          .toBe(true);
      } finally {
        await fake.stop();
      }
    });

    it('fetches on the calling thread when the worker cannot run', async () => {
      const broken = thread(
        fileURLToPath(new URL('./no-such-worker.js', import.meta.url)),
      );
      const { factory } = labFactory('us-east-1');
      const there = createInstanceService(factory, { pageThread: broken });
      await there.list(undefined, signal);
      const again = await there.list(undefined, signal);
      expect(again.rows.map((row) => row.name)).toContain('web-1');
      expect(broken.available()).toBe(false);
    });
  },
);
