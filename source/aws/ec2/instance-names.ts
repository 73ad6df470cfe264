/**
 * Name tags of the instances a page of volumes is attached to, in one
 * DescribeInstances call per 200 IDs, so the volumes list can say "web-1"
 * instead of a cut-off instance ID. Names are a nicety: a failed look-up
 * (no ec2:DescribeInstances permission) leaves them out rather than failing
 * the list.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';

/** EC2 takes at most 200 values per filter. */
const FILTER_VALUES = 200;

export async function instanceNames(
  client: EC2Client,
  instanceIds: readonly string[],
  signal?: AbortSignal,
): Promise<ReadonlyMap<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(instanceIds)];
  if (unique.length === 0) return names;
  const { DescribeInstancesCommand } = await import('./ec2-sdk.js');
  try {
    for (let start = 0; start < unique.length; start += FILTER_VALUES) {
      // A filter, not InstanceIds: an ID that no longer exists is skipped, not an error.
      const response = await client.send(
        new DescribeInstancesCommand({
          Filters: [
            {
              Name: 'instance-id',
              Values: unique.slice(start, start + FILTER_VALUES),
            },
          ],
        }),
        { abortSignal: signal },
      );
      for (const reservation of response.Reservations ?? [])
        for (const instance of reservation.Instances ?? []) {
          const name = instance.Tags?.find((tag) => tag.Key === 'Name')?.Value;
          if (instance.InstanceId && name) names.set(instance.InstanceId, name);
        }
    }
  } catch (error) {
    if (signal?.aborted) throw error;
  }
  return names;
}
