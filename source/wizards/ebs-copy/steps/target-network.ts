/** The target VPC: the chosen subnet's, or the region's default VPC. */
import {
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { UserError } from '../../../lib/errors.js';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import type { StepContext } from '../run/step-context.js';

export async function targetVpc(
  ctx: Pick<StepContext, 'request' | 'context'>,
  client: EC2Client,
): Promise<string> {
  const subnetId = ctx.request.instance?.subnetId;
  const region = ctx.request.target.region;
  if (subnetId !== undefined) {
    const found = await ec2Call(ctx.context('DescribeSubnets', subnetId), () =>
      client.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] })),
    );
    const vpc = found.Subnets?.[0]?.VpcId;
    if (vpc === undefined)
      throw new UserError(`subnet ${subnetId} not found in ${region}`);
    return vpc;
  }
  const found = await ec2Call(ctx.context('DescribeVpcs'), () =>
    client.send(
      new DescribeVpcsCommand({
        Filters: [{ Name: 'is-default', Values: ['true'] }],
      }),
    ),
  );
  const vpc = found.Vpcs?.find((entry) => entry.IsDefault === true)?.VpcId;
  if (vpc === undefined)
    throw new UserError(`${region} has no default VPC`, {
      hint: 'choose a subnet in the target with --subnet',
    });
  return vpc;
}
