/**
 * Shared set-up for the S3 tests against the lab's moto: a factory like the
 * console's, a direct client to check results around opsdeck, fresh
 * buckets per test, and a request counter by operation.
 */
import {
  CreateBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { s3Context } from '../../../source/aws/s3/s3-errors.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { LAB_CREDENTIALS } from '../../../source/lab/lab-aws.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import type { SyncDeps } from '../../../source/s3sync/sync.js';
import { createUploadJournal } from '../../../source/s3sync/transfer/upload-journal.js';
import { afterAll, beforeAll } from 'vitest';
import { labPart, useLabProfiles } from '../../helpers/lab.js';

export const moto = labPart('moto');

export { useLabProfiles } from '../../helpers/lab.js';

export function labS3Factory(readOnly = false, region = 'us-east-1') {
  const events = createEventLog();
  const factory = createAwsClientFactory(
    { profile: 'lab', region, endpoint: moto.info?.endpoint, maxAttempts: 2 },
    { guard: createWriteGuard(readOnly, '--read-only'), events },
  );
  return { factory, events };
}

export function directS3(): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: moto.info?.endpoint,
    credentials: LAB_CREDENTIALS,
    forcePathStyle: true,
  });
}

let counter = 0;
export const uniqueBucket = (label: string) =>
  `t-${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function createBucket(
  client: S3Client,
  name: string,
): Promise<string> {
  await client.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

export async function putText(
  client: S3Client,
  bucket: string,
  key: string,
  body: string | Uint8Array,
) {
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }),
  );
}

export async function allKeys(
  client: S3Client,
  bucket: string,
  prefix?: string,
): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ContinuationToken: token,
      }),
    );
    keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Counts requests by operation name as they leave the client. */
export function countRequests(client: S3Client): Map<string, number> {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: `count-${Math.random()}` },
  );
  return counts;
}

/**
 * Counts the requests this process sends by operation, the SDK's and those
 * sent around it alike (the operation told from method, path and query).
 */
export function countWireRequests(): {
  readonly counts: Map<string, number>;
  stop(): void;
} {
  const counts = new Map<string, number>();
  const onStart = (message: unknown) => {
    const { method, path } = (message as { request: ClientRequest }).request;
    const [where = '', query = ''] = path.split('?');
    const onKey = where.split('/').filter(Boolean).length > 1;
    const name = query.includes('list-type=2')
      ? 'ListObjectsV2'
      : `${method} ${onKey ? 'object' : 'bucket'}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  subscribe('http.client.request.start', onStart);
  return {
    counts,
    stop: () => unsubscribe('http.client.request.start', onStart),
  };
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `opsdeck-s3-${label}-`));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

export async function syncDeps(
  factory: ReturnType<typeof labS3Factory>['factory'],
  journalDir: string,
): Promise<SyncDeps> {
  return {
    client: await factory.s3(),
    journal: createUploadJournal(journalDir),
    context: (operation, bucket, key) =>
      s3Context(factory, operation, bucket, key),
  };
}

export interface S3Workspace {
  /** A client straight to moto, to set up and check around opsdeck. */
  readonly direct: S3Client;
  /** A local directory of the describe block's own, removed after it. */
  readonly work: string;
}

/** The lab's profiles, a direct client and a local directory for a describe block. */
export function useS3Workspace(label: string): S3Workspace {
  useLabProfiles();
  const direct = directS3();
  let work = '';
  beforeAll(() => {
    work = tempDir(label);
  });
  afterAll(() => {
    direct.destroy();
    removeDir(work);
  });
  return {
    direct,
    get work() {
      return work;
    },
  };
}
