/**
 * The instance-page worker: sends DescribeInstances and turns each page into
 * rows on its own thread, so the XML parse of a 200-instance page and its
 * garbage stay off the thread that reads keys and draws the screen (they were
 * most of a refresh's time there with 5,000 instances). It carries no SDK
 * client: the request is signed with the SDK's signer and parsed with the
 * SDK's XML parser, which keeps this thread's memory small.
 *
 * It can send DescribeInstances only, so it needs no write guard. Keys come
 * with each request from the console's credential chain and stay in memory.
 */
import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { parentPort } from 'node:worker_threads';
import { parseXML } from '@aws-sdk/xml-builder';
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../../lib/node-sha256.js';
import { plainExchange } from '../../plain-exchange.js';
import { toInstanceRow } from '../rows.js';
import { instancesOfPage } from './instance-xml.js';
import type { FromWorker, PageRequest, ToWorker } from './wire.js';

const port = parentPort;
if (port === null) throw new Error('page-worker runs only as a worker thread');

/** The EC2 API version the SDK speaks. */
const API_VERSION = '2016-11-15';
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 4 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 4 }),
};
const running = new Map<number, AbortController>();
/**
 * A digest of each row as last sent, by region and ID: a refresh sends only
 * the rows that changed, so the console keeps its objects for the rest
 * instead of receiving and collecting 5,000 new ones a second.
 */
const sent = new Map<string, string>();
const MAX_REMEMBERED = 50_000;
const send = (message: FromWorker) => port.postMessage(message);

function formBody(request: PageRequest): string {
  const form = new URLSearchParams({
    Action: 'DescribeInstances',
    Version: API_VERSION,
    MaxResults: String(request.pageSize),
  });
  if (request.cursor !== undefined) form.set('NextToken', request.cursor);
  return form.toString();
}

/** The answer's body on a 200, else undefined (the SDK will explain). */
async function exchange(
  request: PageRequest,
  signal: AbortSignal,
): Promise<string | undefined> {
  const url = new URL(request.endpoint);
  const body = formBody(request);
  const signer = new SignatureV4({
    service: 'ec2',
    region: request.region,
    credentials: request.credentials,
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port === '' ? {} : { port: Number(url.port) }),
      path: url.pathname,
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    },
    { signingDate: new Date(Date.now() + request.clockOffset) },
  );
  const https = url.protocol === 'https:';
  const chunks = await plainExchange(
    'POST',
    {
      https,
      hostname: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: url.pathname,
    },
    signed.headers,
    https ? agents.https : agents.http,
    signal,
    body,
  );
  return chunks && Buffer.concat(chunks).toString('utf8');
}

async function page(id: number, request: PageRequest): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const xml = await exchange(request, controller.signal);
    if (xml === undefined) return send({ kind: 'declined', id });
    const page = instancesOfPage(parseXML(xml) as Record<string, unknown>);
    if (page === undefined) return send({ kind: 'declined', id });
    const reset = sent.size > MAX_REMEMBERED;
    if (reset) sent.clear();
    const rows = page.instances.map((instance) => {
      const row = toInstanceRow(instance, request.region);
      const key = `${request.region} ${row.id}`;
      const digest = createHash('sha256')
        .update(JSON.stringify(row))
        .digest('base64');
      if (sent.get(key) === digest) return { same: row.id };
      sent.set(key, digest);
      return row;
    });
    send({
      kind: 'rows',
      id,
      region: request.region,
      rows,
      next: page.next,
      reset,
    });
  } catch {
    send({
      kind: controller.signal.aborted ? 'cancelled' : 'declined',
      id,
    });
  } finally {
    running.delete(id);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'cancel') running.get(message.id)?.abort();
  else void page(message.id, message.request);
});
