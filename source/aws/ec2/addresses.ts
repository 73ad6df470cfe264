/**
 * Elastic IPs: list with the associated instance's name and state (so the
 * pane can flag addresses billed on stopped instances), allocate,
 * associate, move, disassociate, release.
 */
import type { AwsClientFactory } from '../client-factory.js';
import { ec2Call, ec2Context, ec2Write } from './ec2-errors.js';
import { nameTag, tagsToRecord, toAddressRow } from './rows.js';
import type { AddressService } from './types.js';
import {
  checkAllocationId,
  checkAssociationId,
  checkInstanceId,
  checkIpv4,
  checkNetworkInterfaceId,
  checkTagChanges,
} from './validate.js';

export function createAddressService(
  factory: AwsClientFactory,
): AddressService {
  const region = factory.settings.region;
  const sdk = () => import('./ec2-sdk.js');

  return {
    async list(signal) {
      const client = await factory.ec2();
      const { DescribeAddressesCommand, DescribeInstancesCommand } =
        await sdk();
      const found = await ec2Call(
        ec2Context(factory, 'DescribeAddresses'),
        () =>
          client.send(new DescribeAddressesCommand({}), {
            abortSignal: signal,
          }),
      );
      const addresses = found.Addresses ?? [];
      const instanceIds = [
        ...new Set(
          addresses.flatMap((address) =>
            address.InstanceId ? [address.InstanceId] : [],
          ),
        ),
      ];
      const instances = new Map<string, { name: string; state: string }>();
      if (instanceIds.length > 0) {
        // A filter, not InstanceIds: an instance gone since must not fail the list.
        const described = await ec2Call(
          ec2Context(factory, 'DescribeInstances'),
          () =>
            client.send(
              new DescribeInstancesCommand({
                Filters: [{ Name: 'instance-id', Values: instanceIds }],
              }),
              { abortSignal: signal },
            ),
        );
        for (const reservation of described.Reservations ?? [])
          for (const instance of reservation.Instances ?? [])
            if (instance.InstanceId !== undefined)
              instances.set(instance.InstanceId, {
                name: nameTag(tagsToRecord(instance.Tags)),
                state: instance.State?.Name ?? 'unknown',
              });
      }
      return addresses.map((address) =>
        toAddressRow(
          address,
          region,
          address.InstanceId === undefined
            ? undefined
            : instances.get(address.InstanceId),
        ),
      );
    },

    async allocate(tags, write) {
      checkTagChanges(tags, []);
      const client = await factory.ec2();
      const { AllocateAddressCommand } = await sdk();
      const Tags = Object.entries(tags).map(([Key, Value]) => ({
        Key,
        Value,
      }));
      return ec2Write(
        ec2Context(factory, 'AllocateAddress'),
        write,
        async (DryRun) => {
          const allocated = await client.send(
            new AllocateAddressCommand({
              Domain: 'vpc',
              DryRun,
              ...(Tags.length === 0
                ? {}
                : {
                    TagSpecifications: [{ ResourceType: 'elastic-ip', Tags }],
                  }),
            }),
          );
          return {
            allocationId: allocated.AllocationId ?? '',
            publicIp: allocated.PublicIp ?? '',
          };
        },
      );
    },

    async associate(allocationId, target, write) {
      checkAllocationId(allocationId);
      if ('instanceId' in target) checkInstanceId(target.instanceId);
      else {
        checkNetworkInterfaceId(target.networkInterfaceId);
        if (target.privateIp !== undefined) checkIpv4(target.privateIp);
      }
      const client = await factory.ec2();
      const { AssociateAddressCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'AssociateAddress', allocationId),
        write,
        async (DryRun) => {
          const associated = await client.send(
            new AssociateAddressCommand({
              AllocationId: allocationId,
              ...('instanceId' in target
                ? { InstanceId: target.instanceId }
                : {
                    NetworkInterfaceId: target.networkInterfaceId,
                    PrivateIpAddress: target.privateIp,
                  }),
              // Sent explicitly: false makes EC2 refuse an address in use
              // instead of silently taking it from another instance.
              AllowReassociation: write?.allowReassociation === true,
              DryRun,
            }),
          );
          return { associationId: associated.AssociationId ?? '' };
        },
      );
    },

    async disassociate(associationId, write) {
      checkAssociationId(associationId);
      const client = await factory.ec2();
      const { DisassociateAddressCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'DisassociateAddress', associationId),
        write,
        async (DryRun) => {
          await client.send(
            new DisassociateAddressCommand({
              AssociationId: associationId,
              DryRun,
            }),
          );
        },
      );
    },

    async move(allocationId, instanceId, write) {
      checkAllocationId(allocationId);
      checkInstanceId(instanceId);
      const client = await factory.ec2();
      const { AssociateAddressCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'AssociateAddress', allocationId),
        write,
        async (DryRun) => {
          const started = performance.now();
          const moved = await client.send(
            new AssociateAddressCommand({
              AllocationId: allocationId,
              InstanceId: instanceId,
              AllowReassociation: true,
              DryRun,
            }),
          );
          return {
            associationId: moved.AssociationId ?? '',
            millis: Math.round(performance.now() - started),
          };
        },
      );
    },

    async release(allocationId, write) {
      checkAllocationId(allocationId);
      const client = await factory.ec2();
      const { ReleaseAddressCommand } = await sdk();
      return ec2Write(
        ec2Context(factory, 'ReleaseAddress', allocationId),
        write,
        async (DryRun) => {
          await client.send(
            new ReleaseAddressCommand({ AllocationId: allocationId, DryRun }),
          );
        },
      );
    },
  };
}
