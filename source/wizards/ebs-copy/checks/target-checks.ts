/**
 * Pre-flight, part two: the target. An enabled region other than the
 * source's, a zone of that region, the instance type offered there, the
 * instance to attach to (room for more copies: copy-limits.ts).
 */
import {
  DescribeAvailabilityZonesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeRegionsCommand,
  type EC2Client,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { ec2Call } from '../../../aws/ec2/ec2-errors.js';
import { blocker, type ChecksContext as Context } from './problems.js';
import type { CopyRequest, Problem, SourceFacts } from '../types.js';

/** Regions the account can use; undefined when DescribeRegions is not allowed. */
export async function enabledRegions(
  client: EC2Client,
  context: Context,
): Promise<Map<string, string>> {
  const found = await ec2Call(context('DescribeRegions'), () =>
    client.send(new DescribeRegionsCommand({ AllRegions: true })),
  );
  return new Map(
    (found.Regions ?? []).map((region) => [
      region.RegionName ?? '',
      region.OptInStatus ?? 'unknown',
    ]),
  );
}

export async function zonesOf(
  client: EC2Client,
  context: Context,
  region: string,
): Promise<string[]> {
  const found = await ec2Call(
    context('DescribeAvailabilityZones', undefined, region),
    () => client.send(new DescribeAvailabilityZonesCommand({})),
  );
  return (found.AvailabilityZones ?? [])
    .filter(
      (zone) =>
        (zone.State ?? 'available') === 'available' &&
        (zone.ZoneType ?? 'availability-zone') === 'availability-zone',
    )
    .flatMap((zone) => (zone.ZoneName ? [zone.ZoneName] : []))
    .sort();
}

export function checkRegions(
  request: CopyRequest,
  regions: Map<string, string>,
): Problem[] {
  const to = request.target.region;
  if (to === request.source.region)
    return [
      blocker(
        'same-region',
        `the source and the target are both ${to}`,
        'choose another target region; within a region, create a volume from a snapshot instead',
      ),
    ];
  const status = regions.get(to);
  if (status === undefined)
    return [
      blocker(
        'unknown-region',
        `${to} is not a region of this account's partition`,
        'pick one from the region list',
      ),
    ];
  if (status === 'not-opted-in')
    return [
      blocker(
        'region-disabled',
        `${to} is not enabled for this account`,
        `enable it first (aws account enable-region --region-name ${to}) or choose an enabled region`,
      ),
    ];
  return [];
}

export async function checkTarget(
  request: CopyRequest,
  facts: SourceFacts,
  target: EC2Client,
  context: Context,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const to = request.target.region;
  const az = request.target.az;
  const launch =
    request.source.kind === 'instance' && request.instance?.launch === true;
  const needsZone =
    request.source.kind === 'volume' ||
    (launch && request.instance?.subnetId === undefined);
  const zones = await zonesOf(target, context, to);
  if (az !== undefined && !zones.includes(az))
    problems.push(
      blocker(
        'zone',
        `${az} is not an availability zone of ${to}`,
        `choose one of ${zones.join(', ')}`,
      ),
    );
  else if (az === undefined && needsZone)
    problems.push(
      blocker(
        'zone',
        `no availability zone chosen in ${to}`,
        `choose one of ${zones.join(', ')}`,
      ),
    );

  if (launch && facts.instanceType !== undefined) {
    const offered = await ec2Call(
      context('DescribeInstanceTypeOfferings', facts.instanceType, to),
      () =>
        target.send(
          new DescribeInstanceTypeOfferingsCommand({
            LocationType: 'availability-zone',
            Filters: [
              { Name: 'instance-type', Values: [facts.instanceType ?? ''] },
            ],
          }),
        ),
    );
    const where = (offered.InstanceTypeOfferings ?? [])
      .filter(
        (offer) => offer.InstanceType === (facts.instanceType as _InstanceType),
      )
      .flatMap((offer) => (offer.Location ? [offer.Location] : []));
    if (where.length === 0)
      problems.push(
        blocker(
          'instance-type',
          `${facts.instanceType} is not offered in ${to}`,
          'choose another region, or launch later with another type from the copied image',
        ),
      );
    else if (az !== undefined && !where.includes(az))
      problems.push(
        blocker(
          'instance-type',
          `${facts.instanceType} is not offered in ${az}`,
          `choose one of ${where.sort().join(', ')}`,
        ),
      );
  }

  if (request.attachTo !== undefined && az !== undefined) {
    const { instanceId, device } = request.attachTo;
    const found = await target
      .send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))
      .catch(() => undefined);
    const instance = found?.Reservations?.[0]?.Instances?.[0];
    if (instance === undefined)
      problems.push(
        blocker(
          'attach-target',
          `instance ${instanceId} not found in ${to}`,
          'give an instance of the target region, or leave out the attach',
        ),
      );
    else if (instance.Placement?.AvailabilityZone !== az)
      problems.push(
        blocker(
          'attach-target',
          `${instanceId} is in ${instance.Placement?.AvailabilityZone ?? '?'}, the volume will be in ${az}`,
          `create the volume in ${instance.Placement?.AvailabilityZone ?? 'its zone'} (--az)`,
        ),
      );
    else if (
      (instance.BlockDeviceMappings ?? []).some(
        (mapping) => mapping.DeviceName === device,
      )
    )
      problems.push(
        blocker(
          'attach-device',
          `${instanceId} already uses ${device}`,
          'choose a free device name such as /dev/sdg',
        ),
      );
  }

  return problems;
}
