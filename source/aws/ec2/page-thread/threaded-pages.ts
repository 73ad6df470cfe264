/**
 * DescribeInstances pages through the page worker once the SDK has shown the
 * way: the first page of a region goes through the SDK on the calling thread,
 * and the URL it was sent to (whatever endpoint, partition, FIPS or
 * configured-endpoint rules resolved it to) is where the worker sends the rest.
 */
import type { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { InstanceRow } from '../types.js';
import type { InstancePageThread } from './page-thread.js';

type Page = { rows: readonly InstanceRow[]; next: string | undefined };

export interface ThreadedPages {
  /** The page from the worker, or undefined: ask the SDK (then `learn` from it). */
  readonly page: (
    client: EC2Client,
    request: {
      region: string;
      pageSize: number;
      cursor: string | undefined;
      signal: AbortSignal;
    },
  ) => Promise<Page | undefined>;
  /** Records where the SDK sends this command, for the worker's later pages. */
  readonly learn: (command: DescribeInstancesCommand, region: string) => void;
}

interface SentRequest {
  readonly protocol?: string;
  readonly hostname?: string;
  readonly port?: number;
  readonly path?: string;
}

export function createThreadedPages(thread: InstancePageThread): ThreadedPages {
  const endpoints = new Map<string, string>();
  return {
    async page(client, request) {
      const endpoint = endpoints.get(request.region);
      if (endpoint === undefined || !thread.available()) return undefined;
      const keys = await client.config.credentials();
      return thread.fetch(
        {
          endpoint,
          region: request.region,
          pageSize: request.pageSize,
          cursor: request.cursor,
          clockOffset: client.config.systemClockOffset ?? 0,
          credentials: {
            accessKeyId: keys.accessKeyId,
            secretAccessKey: keys.secretAccessKey,
            sessionToken: keys.sessionToken,
            expiration: keys.expiration,
          },
        },
        request.signal,
      );
    },
    learn(command, region) {
      command.middlewareStack.add(
        (next) => async (args) => {
          const sent = args.request as SentRequest;
          if (sent.protocol && sent.hostname && sent.path !== undefined) {
            const port = sent.port === undefined ? '' : `:${sent.port}`;
            endpoints.set(
              region,
              `${sent.protocol}//${sent.hostname}${port}${sent.path}`,
            );
          }
          return next(args);
        },
        { step: 'finalizeRequest', name: 'opsdeckLearnEc2Endpoint' },
      );
    },
  };
}
