/**
 * The instance-page worker: fetches DescribeInstances pages and maps them to
 * rows on its own thread, so the XML parse of a 200-instance page and its
 * garbage stay off the thread that reads keys and draws the screen (they were
 * most of a refresh's time there with 5,000 instances).
 *
 * Its clients can send DescribeInstances only (nothing else is reachable from
 * here), so they carry no write guard. Keys come with each request from the
 * console's credential chain and are kept only in this thread's memory.
 */
import { parentPort } from 'node:worker_threads';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { toInstanceRow } from '../rows.js';
import {
  toWireError,
  type FromWorker,
  type PageRequest,
  type ToWorker,
  type WireCredentials,
} from './wire.js';

const port = parentPort;
if (port === null) throw new Error('page-worker runs only as a worker thread');

const clients = new Map<
  string,
  { client: EC2Client; keys: { current: WireCredentials } }
>();
const running = new Map<number, AbortController>();

const send = (message: FromWorker) => port.postMessage(message);

function clientFor(request: PageRequest): EC2Client {
  const key = `${request.region} ${request.endpoint ?? ''} ${request.maxAttempts}`;
  let entry = clients.get(key);
  if (entry === undefined) {
    const keys = { current: request.credentials };
    const client = new EC2Client({
      region: request.region,
      credentials: () => Promise.resolve(keys.current),
      retryMode: 'adaptive',
      maxAttempts: request.maxAttempts,
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: (...parts: unknown[]) =>
          send({ kind: 'warn', text: parts.map(String).join(' ') }),
        error: () => undefined,
      },
      ...(request.endpoint === undefined ? {} : { endpoint: request.endpoint }),
    });
    // Copies every output through a redaction filter for levels we drop.
    client.middlewareStack.remove('loggerMiddleware');
    entry = { client, keys };
    clients.set(key, entry);
  }
  entry.keys.current = request.credentials;
  return entry.client;
}

async function page(id: number, request: PageRequest): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const answer = await clientFor(request).send(
      new DescribeInstancesCommand({
        MaxResults: request.pageSize,
        ...(request.cursor === undefined ? {} : { NextToken: request.cursor }),
      }),
      { abortSignal: controller.signal },
    );
    const rows = (answer.Reservations ?? []).flatMap((reservation) =>
      (reservation.Instances ?? []).map((instance) =>
        toInstanceRow(instance, request.region),
      ),
    );
    send({ kind: 'rows', id, rows, next: answer.NextToken });
  } catch (error) {
    send({ kind: 'error', id, error: toWireError(error) });
  } finally {
    running.delete(id);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') running.get(message.id)?.abort();
  else void page(message.id, message.request);
});
