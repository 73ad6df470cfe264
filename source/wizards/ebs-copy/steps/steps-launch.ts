/**
 * Steps that launch the copy: the instance (same type, user data, metadata
 * options, profile and tags, from the copied image) and an optional new
 * Elastic IP. Each adopts what an interrupted run made.
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { findAddress, findInstance } from '../run/find.js';
import type { StepContext } from '../run/step-context.js';
import { targetImageId } from './images.js';
import { tagSpecs } from '../tags.js';
import { waitInstance } from '../run/waits.js';

export async function runInstance(ctx: StepContext): Promise<void> {
  const target = await ctx.targetClient();
  let id = ctx.record().outputs['instanceId'];
  if (id === undefined) {
    id = await findInstance(target, ctx.runId, ctx.step.id);
    if (id !== undefined)
      await ctx.remember(
        { instanceId: id },
        [
          {
            type: 'instance',
            id,
            region: ctx.step.region,
            intermediate: false,
          },
        ],
        'found',
      );
  }
  if (id === undefined) {
    const source = await ctx.sourceClient();
    const sourceRegion = ctx.request.source.region;
    const described = await ec2Call(
      ctx.context('DescribeInstances', ctx.facts.id, sourceRegion),
      () =>
        source.send(
          new DescribeInstancesCommand({ InstanceIds: [ctx.facts.id] }),
        ),
    );
    const instance = described.Reservations?.[0]?.Instances?.[0] ?? {};
    // User data is read now, never journalled: it may hold secrets.
    const userData = await ec2Call(
      ctx.context('DescribeInstanceAttribute', ctx.facts.id, sourceRegion),
      () =>
        source.send(
          new DescribeInstanceAttributeCommand({
            InstanceId: ctx.facts.id,
            Attribute: 'userData',
          }),
        ),
    );
    const groupMap = JSON.parse(
      ctx.output('copy-security-groups', 'groupMap') ?? '{}',
    ) as Record<string, string>;
    const groupIds = Object.values(groupMap);
    const options = ctx.request.instance;
    const metadata = instance.MetadataOptions;
    const made = await ec2Call(ctx.context('RunInstances', ctx.facts.id), () =>
      target.send(
        new RunInstancesCommand({
          ImageId: targetImageId(ctx),
          InstanceType: instance.InstanceType,
          MinCount: 1,
          MaxCount: 1,
          ...(ctx.output('import-key', 'keyName') === undefined
            ? {}
            : { KeyName: ctx.output('import-key', 'keyName') }),
          ...(options?.subnetId === undefined
            ? { Placement: { AvailabilityZone: ctx.request.target.az } }
            : { SubnetId: options.subnetId }),
          ...(groupIds.length === 0 ? {} : { SecurityGroupIds: groupIds }),
          ...(userData.UserData?.Value
            ? { UserData: userData.UserData.Value }
            : {}),
          ...(metadata === undefined
            ? {}
            : {
                MetadataOptions: {
                  HttpTokens: metadata.HttpTokens,
                  HttpPutResponseHopLimit: metadata.HttpPutResponseHopLimit,
                  HttpEndpoint: metadata.HttpEndpoint,
                  InstanceMetadataTags: metadata.InstanceMetadataTags,
                },
              }),
          ...(instance.IamInstanceProfile?.Arn
            ? { IamInstanceProfile: { Arn: instance.IamInstanceProfile.Arn } }
            : {}),
          TagSpecifications: tagSpecs(['instance', 'volume'], ctx.tags()),
          ClientToken: ctx.token(),
        }),
        { abortSignal: ctx.signal },
      ),
    );
    id = made.Instances?.[0]?.InstanceId ?? '';
    await ctx.remember({ instanceId: id }, [
      { type: 'instance', id, region: ctx.step.region, intermediate: false },
    ]);
  }
  await waitInstance(ctx, target, id, 'running');
}

export async function elasticIp(ctx: StepContext): Promise<void> {
  const target = await ctx.targetClient();
  const instanceId = ctx.output('run-instance', 'instanceId') ?? '';
  let address = await findAddress(target, ctx.runId, ctx.step.id);
  if (address === undefined) {
    const allocated = await ec2Call(ctx.context('AllocateAddress'), () =>
      target.send(
        new AllocateAddressCommand({
          Domain: 'vpc',
          TagSpecifications: tagSpecs(['elastic-ip'], ctx.tags()),
        }),
      ),
    );
    address = {
      allocationId: allocated.AllocationId ?? '',
      publicIp: allocated.PublicIp ?? '',
      instanceId: '',
    };
  }
  await ctx.remember(
    { allocationId: address.allocationId, publicIp: address.publicIp },
    [
      {
        type: 'elastic-ip',
        id: address.allocationId,
        region: ctx.step.region,
        intermediate: false,
      },
    ],
  );
  if (address.instanceId !== instanceId)
    await ec2Call(ctx.context('AssociateAddress', address.allocationId), () =>
      target.send(
        new AssociateAddressCommand({
          AllocationId: address.allocationId,
          InstanceId: instanceId,
          AllowReassociation: false,
        }),
      ),
    );
  await ctx.remember({ associatedWith: instanceId });
}
