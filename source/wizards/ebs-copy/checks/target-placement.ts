/**
 * Where in the target zone the wizard can put what it makes: the instances
 * a new volume can be attached to (with the devices they already use) and
 * the subnets a launched copy can go in. Reads only; for the options screen.
 */
import {
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import type { ChecksContext } from './problems.js';
import { tagMap } from '../tags.js';

export interface TargetInstance {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  /** Device names its block devices take. */
  readonly devices: readonly string[];
}

export interface TargetSubnet {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly vpcId: string;
}

export interface Placement {
  readonly instances: readonly TargetInstance[];
  readonly subnets: readonly TargetSubnet[];
}

export async function placementIn(
  client: EC2Client,
  context: ChecksContext,
  region: string,
  az: string,
): Promise<Placement> {
  const zone = { Name: 'availability-zone', Values: [az] };
  const [instances, subnets] = await Promise.all([
    ec2Call(context('DescribeInstances', az, region), () =>
      client.send(
        new DescribeInstancesCommand({
          // The zone is picked out below: some endpoints answer an
          // availability-zone filter on instances with nothing.
          Filters: [
            { Name: 'instance-state-name', Values: ['running', 'stopped'] },
          ],
        }),
      ),
    ),
    ec2Call(context('DescribeSubnets', az, region), () =>
      client.send(new DescribeSubnetsCommand({ Filters: [zone] })),
    ),
  ]);
  return {
    instances: (instances.Reservations ?? [])
      .flatMap((reservation) => reservation.Instances ?? [])
      .filter(
        (instance) =>
          instance.Placement?.AvailabilityZone === az &&
          ['running', 'stopped'].includes(instance.State?.Name ?? ''),
      )
      .map((instance) => ({
        id: instance.InstanceId ?? '',
        name: tagMap(instance.Tags)['Name'] ?? '',
        state: instance.State?.Name ?? '',
        devices: (instance.BlockDeviceMappings ?? []).flatMap((mapping) =>
          mapping.DeviceName === undefined ? [] : [mapping.DeviceName],
        ),
      })),
    subnets: (subnets.Subnets ?? [])
      .filter((subnet) => subnet.AvailabilityZone === az)
      .map((subnet) => ({
        id: subnet.SubnetId ?? '',
        name: tagMap(subnet.Tags)['Name'] ?? '',
        cidr: subnet.CidrBlock ?? '',
        vpcId: subnet.VpcId ?? '',
      })),
  };
}
