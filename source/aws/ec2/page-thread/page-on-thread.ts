/** One DescribeInstances page through the page worker, when it is there. */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { InstanceRow } from '../types.js';
import { PageThreadStopped, type InstancePageThread } from './page-thread.js';

/**
 * The page from the worker, or undefined when there is no worker (or it
 * stopped): the caller then fetches on its own thread. Keys come from the
 * client's credential chain on each call, so a refreshed session is used.
 */
export async function pageOnThread(
  thread: InstancePageThread | undefined,
  client: EC2Client,
  page: {
    region: string;
    endpoint: string | undefined;
    pageSize: number;
    cursor: string | undefined;
    signal: AbortSignal;
  },
): Promise<
  { rows: readonly InstanceRow[]; next: string | undefined } | undefined
> {
  if (thread?.available() !== true) return undefined;
  try {
    const keys = await client.config.credentials();
    return await thread.fetch(
      {
        region: page.region,
        endpoint: page.endpoint,
        maxAttempts: await client.config.maxAttempts(),
        pageSize: page.pageSize,
        cursor: page.cursor,
        credentials: {
          accessKeyId: keys.accessKeyId,
          secretAccessKey: keys.secretAccessKey,
          sessionToken: keys.sessionToken,
          expiration: keys.expiration,
        },
      },
      page.signal,
    );
  } catch (error) {
    if (error instanceof PageThreadStopped) return undefined;
    throw error;
  }
}
