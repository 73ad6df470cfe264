/**
 * The instances pane's pages fetched on the page worker (the built one in
 * dist/, as the console runs it) against moto: the same rows and cursors as
 * on the calling thread, errors mapped the same way, cancellation, and the
 * fall-back when the worker cannot run.
 */
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
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

    it('gives the same pages, page by page, as the calling thread', async () => {
      const client = direct(WRITE_REGION);
      await launch(client, 7, {
        tags: { Name: 'page-thread "quoted" \u202e' },
      });
      client.destroy();
      const { factory } = labFactory(WRITE_REGION);
      const here = createInstanceService(factory, { pageSize: 5 });
      const there = createInstanceService(factory, {
        pageSize: 5,
        pageThread: thread(),
      });
      let cursor: string | undefined;
      let pages = 0;
      do {
        const [mine, theirs] = await Promise.all([
          here.list(cursor, signal),
          there.list(cursor, signal),
        ]);
        expect(theirs).toEqual(mine);
        expect(theirs.rows.length).toBeGreaterThan(0);
        cursor = theirs.next;
        pages++;
      } while (cursor !== undefined);
      expect(pages).toBeGreaterThan(1);
    });

    it('maps errors as on the calling thread', async () => {
      const factory = createAwsClientFactory(
        {
          profile: 'lab',
          region: WRITE_REGION,
          endpoint: 'http://127.0.0.1:9',
          maxAttempts: 1,
        },
        { guard: createWriteGuard(false, ''), events: createEventLog() },
      );
      const here = createInstanceService(factory);
      const there = createInstanceService(factory, { pageThread: thread() });
      const mine = await here.list(undefined, signal).catch(describeError);
      const theirs = await there.list(undefined, signal).catch(describeError);
      expect(mine).toMatch(/127\.0\.0\.1:9/);
      expect(theirs).toBe(mine);
    });

    it('stops a page in flight when its signal aborts', async () => {
      // An endpoint that takes the request and never answers.
      const sockets: Socket[] = [];
      let closed = 0;
      const silent = createServer((socket) => {
        sockets.push(socket);
        socket.resume().on('close', () => closed++);
      });
      await new Promise<void>((resolve) =>
        silent.listen(0, '127.0.0.1', resolve),
      );
      const { port } = silent.address() as AddressInfo;
      const factory = createAwsClientFactory(
        {
          profile: 'lab',
          region: WRITE_REGION,
          endpoint: `http://127.0.0.1:${port}`,
          maxAttempts: 1,
        },
        { guard: createWriteGuard(false, ''), events: createEventLog() },
      );
      const there = createInstanceService(factory, { pageThread: thread() });
      const controller = new AbortController();
      const page = there.list(undefined, controller.signal);
      await expect.poll(() => sockets.length, { timeout: 10_000 }).toBe(1);
      controller.abort();
      await expect(page).rejects.toMatchObject({ name: 'AbortError' });
      // The worker dropped its request: the server sees the socket close.
      await expect.poll(() => closed, { timeout: 10_000 }).toBe(1);
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    });

    it('fetches on the calling thread when the worker cannot run', async () => {
      const broken = thread(
        fileURLToPath(new URL('./no-such-worker.js', import.meta.url)),
      );
      const { factory } = labFactory('us-east-1');
      const rows = await createInstanceService(factory, {
        pageThread: broken,
      }).list(undefined, signal);
      expect(rows.rows.map((row) => row.name)).toContain('web-1');
      expect(broken.available()).toBe(false);
    });
  },
);
