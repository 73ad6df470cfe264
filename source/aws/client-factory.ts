/**
 * Builds the SDK clients for one session (profile, region, endpoint). Clients
 * are imported and created on first use so start-up loads no SDK code the
 * first frame does not need. Every client carries the write guard.
 */
import type { STSClient } from '@aws-sdk/client-sts';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { DataSyncClient } from '@aws-sdk/client-datasync';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { EventLog } from '../events/event-log.js';
import type { WriteGuard } from '../safety/read-only.js';
import { attachWriteGuard } from './write-guard-middleware.js';

export interface AwsSessionSettings {
  /** Undefined means the SDK's own choice (AWS_PROFILE, env keys, default). */
  readonly profile: string | undefined;
  readonly region: string;
  /** One endpoint for every service (moto, LocalStack, MinIO). */
  readonly endpoint: string | undefined;
  readonly maxAttempts?: number;
}

export interface AwsClientFactory {
  readonly settings: AwsSessionSettings;
  /** The guard every client carries (absent in some test doubles). */
  readonly guard?: WriteGuard;
  readonly sts: () => Promise<STSClient>;
  readonly ec2: (region?: string) => Promise<EC2Client>;
  /** Path-style when an endpoint is set (moto, MinIO): bucket.host names do not resolve there. */
  readonly s3: (region?: string) => Promise<S3Client>;
  /** S3 Batch Operations (jobs are per account and region). */
  readonly s3control: (region?: string) => Promise<S3ControlClient>;
  readonly datasync: (region?: string) => Promise<DataSyncClient>;
  /** For the daily S3 storage metrics (NumberOfObjects, BucketSizeBytes). */
  readonly cloudwatch: (region?: string) => Promise<CloudWatchClient>;
  /** Closes every client's sockets. */
  readonly destroy: () => void;
}

export interface FactoryDeps {
  readonly guard: WriteGuard;
  readonly events: EventLog;
}

/** The text parts of what the SDK passes its logger; objects (requests) are left out. */
function logText(parts: readonly unknown[]): string {
  return parts
    .map((part) =>
      typeof part === 'string'
        ? part.trim()
        : part instanceof Error
          ? part.message
          : '',
    )
    .filter((part) => part !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 500);
}

/**
 * The SDK's logger middleware copies every input and output (5,000 instances
 * of a DescribeInstances page, 1,000 keys of a listing page) through a
 * redaction filter for logger.info and logger.error, both of which we drop:
 * pure CPU and garbage on every request, on the thread that draws the screen.
 */
function withoutRequestLogging(stack: { remove(name: string): boolean }): void {
  stack.remove('loggerMiddleware');
}

export function createAwsClientFactory(
  settings: AwsSessionSettings,
  deps: FactoryDeps,
): AwsClientFactory {
  const clients = new Map<string, Promise<{ destroy(): void }>>();
  let provider: Promise<AwsCredentialIdentityProvider> | undefined;

  // SDK warnings ("multiple credential sources") go to the event log, not the
  // screen. Its error lines are dropped: they carry the request input, which
  // may hold secrets, and opsdeck reports every error where it handles it.
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) => {
      const text = logText(parts);
      if (text !== '') deps.events.record('warn', 'aws', text);
    },
    error: () => undefined,
  };

  const credentials = () => {
    provider ??= import('@aws-sdk/credential-providers').then(
      ({ fromNodeProviderChain }) =>
        fromNodeProviderChain({
          ...(settings.profile === undefined
            ? {}
            : { profile: settings.profile }),
          logger,
          // Assume-role and SSO clients talk to the same emulator when one is set.
          clientConfig: {
            region: settings.region,
            ...(settings.endpoint === undefined
              ? {}
              : { endpoint: settings.endpoint }),
          },
        }),
    );
    return provider;
  };

  const common = async (region: string) => ({
    region,
    credentials: await credentials(),
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts ?? 5,
    logger,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
  });

  function client<T extends { destroy(): void }>(
    key: string,
    build: () => Promise<T>,
  ): Promise<T> {
    let entry = clients.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = build();
      clients.set(key, entry);
    }
    return entry;
  }

  return {
    settings,
    guard: deps.guard,
    sts: () =>
      client('sts', async () => {
        const { STSClient } = await import('@aws-sdk/client-sts');
        const created = new STSClient(await common(settings.region));
        attachWriteGuard(created.middlewareStack, 'sts', deps);
        withoutRequestLogging(created.middlewareStack);
        return created;
      }),
    ec2: (region = settings.region) =>
      client(`ec2:${region}`, async () => {
        const { EC2Client } = await import('./ec2/ec2-sdk.js');
        const created = new EC2Client(await common(region));
        attachWriteGuard(created.middlewareStack, 'ec2', deps);
        withoutRequestLogging(created.middlewareStack);
        return created;
      }),
    s3: (region = settings.region) =>
      client(`s3:${region}`, async () => {
        const { S3Client } = await import('@aws-sdk/client-s3');
        const created = new S3Client({
          ...(await common(region)),
          forcePathStyle: settings.endpoint !== undefined,
          // A bucket in another region answers with a redirect, not an error.
          followRegionRedirects: true,
        });
        attachWriteGuard(created.middlewareStack, 's3', deps);
        withoutRequestLogging(created.middlewareStack);
        return created;
      }),
    s3control: (region = settings.region) =>
      client(`s3control:${region}`, async () => {
        const { S3ControlClient } = await import('@aws-sdk/client-s3-control');
        const { endpoint } = settings;
        const created = new S3ControlClient({
          ...(await common(region)),
          // Its endpoint rules put the account ID in front of the host, which
          // an endpoint on an address (moto on 127.0.0.1) cannot resolve.
          ...(endpoint === undefined
            ? {}
            : { endpointProvider: () => ({ url: new URL(endpoint) }) }),
        });
        attachWriteGuard(created.middlewareStack, 's3control', deps);
        withoutRequestLogging(created.middlewareStack);
        return created;
      }),
    datasync: (region = settings.region) =>
      client(`datasync:${region}`, async () => {
        const { DataSyncClient } = await import('@aws-sdk/client-datasync');
        const created = new DataSyncClient(await common(region));
        attachWriteGuard(created.middlewareStack, 'datasync', deps);
        withoutRequestLogging(created.middlewareStack);
        return created;
      }),
    cloudwatch: (region = settings.region) =>
      client(`cloudwatch:${region}`, async () => {
        const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
        const created = new CloudWatchClient(await common(region));
        attachWriteGuard(created.middlewareStack, 'cloudwatch', deps);
        withoutRequestLogging(created.middlewareStack);
        return created;
      }),
    destroy() {
      for (const entry of clients.values()) {
        entry.then((created) => created.destroy()).catch(() => undefined);
      }
      clients.clear();
    },
  };
}
