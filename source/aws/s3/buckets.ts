/** Buckets: list with region and creation date, location, make. */
import type { BucketLocationConstraint, S3Client } from '@aws-sdk/client-s3';
import { isAbortError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { checkNameFree } from './bucket-name-probe.js';
import { checkBucketName } from './bucket-names.js';
import { createLimiter } from './limiter.js';
import { s3Call, s3Context } from './s3-errors.js';
import type { BucketRow } from './types.js';

/** GetBucketLocation answers '' (or nothing) for us-east-1 and 'EU' for the oldest eu-west-1 buckets. */
function regionFromLocation(location: string | undefined): string {
  if (location === undefined || location === '') return 'us-east-1';
  if (location === 'EU') return 'eu-west-1';
  return location;
}

export async function bucketRegion(
  factory: AwsClientFactory,
  client: S3Client,
  bucket: string,
  signal: AbortSignal,
): Promise<string> {
  const { GetBucketLocationCommand } = await import('@aws-sdk/client-s3');
  const answer = await s3Call(
    s3Context(factory, 'GetBucketLocation', bucket),
    () =>
      client.send(new GetBucketLocationCommand({ Bucket: bucket }), {
        abortSignal: signal,
      }),
  );
  return regionFromLocation(answer.LocationConstraint);
}

export async function listBuckets(
  factory: AwsClientFactory,
  client: S3Client,
  signal: AbortSignal,
): Promise<BucketRow[]> {
  const { ListBucketsCommand } = await import('@aws-sdk/client-s3');
  const buckets: { name: string; region?: string; created?: Date }[] = [];
  let token: string | undefined;
  await s3Call(s3Context(factory, 'ListBuckets'), async () => {
    do {
      const page = await client.send(
        new ListBucketsCommand({ ContinuationToken: token }),
        { abortSignal: signal },
      );
      for (const bucket of page.Buckets ?? [])
        if (bucket.Name !== undefined)
          buckets.push({
            name: bucket.Name,
            ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
            ...(bucket.CreationDate ? { created: bucket.CreationDate } : {}),
          });
      token = page.ContinuationToken;
    } while (token !== undefined && token !== '');
  });
  // Older endpoints do not say the region in the listing: ask per bucket.
  const limiter = createLimiter(8);
  return Promise.all(
    buckets.map(async (bucket) => ({
      name: bucket.name,
      created: bucket.created,
      region:
        bucket.region ??
        (await limiter.run(() =>
          bucketRegion(factory, client, bucket.name, signal).catch(
            (error: unknown) => {
              if (isAbortError(error)) throw error;
              return undefined;
            },
          ),
        )),
    })),
  );
}

export async function makeBucket(
  factory: AwsClientFactory,
  name: string,
  region: string,
): Promise<void> {
  checkBucketName(name);
  // Read-only: the guard refuses CreateBucket as it is sent, before any probe.
  if (factory.guard?.readOnly !== true)
    await checkNameFree(factory, name, region);
  const client = await factory.s3(region);
  const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
  await s3Call(s3Context(factory, 'CreateBucket', name), () =>
    client.send(
      new CreateBucketCommand({
        Bucket: name,
        // us-east-1 is the default location and S3 refuses it when named.
        ...(region === 'us-east-1'
          ? {}
          : {
              CreateBucketConfiguration: {
                LocationConstraint: region as BucketLocationConstraint,
              },
            }),
      }),
    ),
  );
}
