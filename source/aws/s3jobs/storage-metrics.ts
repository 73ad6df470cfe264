/**
 * A bucket's size by CloudWatch's daily S3 storage metrics: free, and
 * instant where listing a hundred million keys takes hours. S3 publishes
 * them once a day, so a bucket made today has none yet.
 */
import type { AwsClientFactory } from '../client-factory.js';
import { mappedCall } from '../aws-errors.js';
import { jobError } from './job-errors.js';
import type { StoredSize } from './types.js';

const DAY_SECONDS = 86_400;

export async function bucketStorageMetrics(
  factory: AwsClientFactory,
  bucket: string,
  region: string,
  signal?: AbortSignal,
  now = new Date(),
): Promise<StoredSize | undefined> {
  const [client, { GetMetricStatisticsCommand, ListMetricsCommand }] =
    await Promise.all([
      factory.cloudwatch(region),
      import('@aws-sdk/client-cloudwatch'),
    ]);
  const call = <T>(action: string, run: () => Promise<T>) =>
    mappedCall(action, run, (error, name) =>
      jobError(error, name, factory.settings),
    );
  const latest = async (metric: string, storageType: string) => {
    const result = await call('cloudwatch:GetMetricStatistics', () =>
      client.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/S3',
          MetricName: metric,
          Dimensions: [
            { Name: 'BucketName', Value: bucket },
            { Name: 'StorageType', Value: storageType },
          ],
          StartTime: new Date(now.getTime() - 3 * DAY_SECONDS * 1000),
          EndTime: now,
          Period: DAY_SECONDS,
          Statistics: ['Maximum'],
        }),
        { abortSignal: signal },
      ),
    );
    const points = (result.Datapoints ?? []).filter(
      (point) => point.Timestamp !== undefined && point.Maximum !== undefined,
    );
    points.sort(
      (a, b) => (b.Timestamp?.getTime() ?? 0) - (a.Timestamp?.getTime() ?? 0),
    );
    return points[0];
  };
  // Size is published per storage class (StandardStorage, GlacierStorage...).
  const listed = await call('cloudwatch:ListMetrics', () =>
    client.send(
      new ListMetricsCommand({
        Namespace: 'AWS/S3',
        MetricName: 'BucketSizeBytes',
        Dimensions: [{ Name: 'BucketName', Value: bucket }],
      }),
      { abortSignal: signal },
    ),
  );
  const storageTypes = new Set(
    (listed.Metrics ?? []).flatMap((metric) =>
      (metric.Dimensions ?? [])
        .filter((dimension) => dimension.Name === 'StorageType')
        .map((dimension) => dimension.Value ?? ''),
    ),
  );
  const count = await latest('NumberOfObjects', 'AllStorageTypes');
  if (count === undefined) return undefined;
  const sizes = await Promise.all(
    [...storageTypes].map((type) => latest('BucketSizeBytes', type)),
  );
  return {
    objects: count.Maximum ?? 0,
    bytes: sizes.reduce((sum, point) => sum + (point?.Maximum ?? 0), 0),
    at: count.Timestamp ?? now,
  };
}
