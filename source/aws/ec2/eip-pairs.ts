/**
 * Reads for failover: one Elastic IP by address or allocation ID, instances
 * by ID or Name tag, and a pair's picture in two calls (the address, then
 * both instances). The switch itself is the address service's move.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import { UserError } from '../../lib/errors.js';
import type { AwsClientFactory } from '../client-factory.js';
import { ec2Call, ec2Context } from './ec2-errors.js';
import { nameTag, tagsToRecord } from './rows.js';

export interface EipState {
  readonly allocationId: string;
  readonly publicIp: string;
  /** The instance the address is on, or undefined. */
  readonly instanceId: string | undefined;
  readonly associationId: string | undefined;
}

export interface PairInstance {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly privateIp: string;
  readonly publicIp: string;
}

export interface PairPicture {
  readonly eip: EipState;
  readonly active: PairInstance;
  readonly standby: PairInstance;
}

const INSTANCE_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;
const GONE = new Set(['terminated', 'shutting-down']);

export const instanceLabel = (instance: Pick<PairInstance, 'id' | 'name'>) =>
  instance.name ? `${instance.name} (${instance.id})` : instance.id;

function toPairInstance(instance: Instance): PairInstance {
  return {
    id: instance.InstanceId ?? '',
    name: nameTag(tagsToRecord(instance.Tags)),
    state: instance.State?.Name ?? 'unknown',
    privateIp: instance.PrivateIpAddress ?? '',
    publicIp: instance.PublicIpAddress ?? '',
  };
}

export interface EipPairReader {
  readonly region: string;
  address(eip: string, signal?: AbortSignal): Promise<EipState>;
  /** Instances by ID or Name tag; a Name must match exactly one live instance. */
  instances(
    refs: readonly string[],
    signal?: AbortSignal,
  ): Promise<PairInstance[]>;
  picture(
    pair: {
      readonly eip: string;
      readonly active: string;
      readonly standby: string;
    },
    signal?: AbortSignal,
  ): Promise<PairPicture>;
}

export function createEipPairReader(
  factory: AwsClientFactory,
  region = factory.settings.region,
): EipPairReader {
  const sdk = () => import('./ec2-sdk.js');
  const context = (operation: string, target?: string) =>
    ec2Context(factory, operation, target, region);

  async function address(eip: string, signal?: AbortSignal) {
    const client = await factory.ec2(region);
    const { DescribeAddressesCommand } = await sdk();
    const byAllocation = eip.startsWith('eipalloc-');
    // A filter, not AllocationIds/PublicIps: an unknown one is "not found" here, not an error code.
    const found = await ec2Call(context('DescribeAddresses', eip), () =>
      client.send(
        new DescribeAddressesCommand({
          Filters: [
            {
              Name: byAllocation ? 'allocation-id' : 'public-ip',
              Values: [eip],
            },
          ],
        }),
        { abortSignal: signal },
      ),
    );
    const match = found.Addresses?.find((entry) =>
      byAllocation ? entry.AllocationId === eip : entry.PublicIp === eip,
    );
    if (!match)
      throw new UserError(`Elastic IP ${eip} not found in ${region}`, {
        hint: 'check the address, the region (--region) and the profile',
      });
    return {
      allocationId: match.AllocationId ?? '',
      publicIp: match.PublicIp ?? '',
      instanceId: match.InstanceId || undefined,
      associationId: match.AssociationId || undefined,
    };
  }

  async function instances(refs: readonly string[], signal?: AbortSignal) {
    const client = await factory.ec2(region);
    const { DescribeInstancesCommand } = await sdk();
    const ids = refs.filter((ref) => INSTANCE_ID.test(ref));
    const names = refs.filter((ref) => !INSTANCE_ID.test(ref));
    const filters = [
      ...(ids.length > 0 ? [{ Name: 'instance-id', Values: ids }] : []),
    ];
    const fetch = async (
      Filters: { Name: string; Values: string[] }[],
    ): Promise<PairInstance[]> => {
      const found = await ec2Call(
        context('DescribeInstances', refs.join(',')),
        () =>
          client.send(new DescribeInstancesCommand({ Filters }), {
            abortSignal: signal,
          }),
      );
      return (found.Reservations ?? []).flatMap((reservation) =>
        (reservation.Instances ?? []).map(toPairInstance),
      );
    };
    const [byId, byName] = await Promise.all([
      filters.length > 0 ? fetch(filters) : Promise.resolve([]),
      names.length > 0
        ? fetch([{ Name: 'tag:Name', Values: names }])
        : Promise.resolve([]),
    ]);
    return refs.map((ref) => {
      if (INSTANCE_ID.test(ref)) {
        const instance = byId.find((entry) => entry.id === ref);
        if (!instance)
          throw new UserError(`instance ${ref} not found in ${region}`, {
            hint: 'it may be in another region (--region) or account (--profile), or terminated long ago',
          });
        return instance;
      }
      const live = byName.filter(
        (entry) => entry.name === ref && !GONE.has(entry.state),
      );
      if (live.length === 0)
        throw new UserError(`no instance named ${ref} in ${region}`, {
          hint: 'give the instance ID (i-...) or the exact Name tag',
        });
      if (live.length > 1)
        throw new UserError(
          `${String(live.length)} instances are named ${ref} in ${region}: ${live.map((entry) => entry.id).join(', ')}`,
          { hint: 'give the instance ID instead' },
        );
      return live[0] as PairInstance;
    });
  }

  return {
    region,
    address,
    instances,
    async picture(pair, signal) {
      const [eip, found] = await Promise.all([
        address(pair.eip, signal),
        instances([pair.active, pair.standby], signal),
      ]);
      const [active, standby] = found as [PairInstance, PairInstance];
      return { eip, active, standby };
    },
  };
}
