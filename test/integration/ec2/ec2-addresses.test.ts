import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  StopInstancesCommand,
  type Address,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressService } from '../../../source/aws/ec2/addresses.js';
import {
  WRITE_REGION,
  direct,
  expectRefusedWithoutCalls,
  labFactory,
  launch,
  moto,
  resultOf,
  runMarker,
  useLabProfiles,
  watchSends,
} from './ec2-lab.js';

const signal = new AbortController().signal;

describe.skipIf(!moto.info)(`Elastic IPs against moto${moto.missing}`, () => {
  useLabProfiles();
  let directClient: EC2Client;
  beforeAll(() => {
    directClient = direct(WRITE_REGION);
  });
  afterAll(() => directClient.destroy());

  async function addressOf(allocationId: string): Promise<Address | undefined> {
    const found = await directClient.send(new DescribeAddressesCommand({}));
    return found.Addresses?.find(
      (address) => address.AllocationId === allocationId,
    );
  }

  it('lists the seeded addresses with the name and state of their instances', async () => {
    const { factory } = labFactory('us-east-1');
    const rows = await createAddressService(factory).list(signal);
    const byName = new Map(rows.map((row) => [row.tags['Name'], row]));
    expect(byName.get('web-1-eip')).toMatchObject({
      instanceName: 'web-1',
      instanceState: 'running',
      region: 'us-east-1',
    });
    expect(byName.get('batch-1-eip')).toMatchObject({
      instanceName: 'batch-1',
      instanceState: 'stopped',
    });
    expect(byName.get('spare-1')).toMatchObject({
      associationId: '',
      instanceId: '',
      instanceName: '',
    });
    expect(byName.get('web-1-eip')?.publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    factory.destroy();
  });

  it('allocates, associates, moves, disassociates and releases', async () => {
    const [first = '', second = ''] = await launch(directClient, 2);
    const name = `eip-${runMarker()}`;
    const { factory } = labFactory(WRITE_REGION);
    const addresses = createAddressService(factory);

    const { allocationId, publicIp } = resultOf(
      await addresses.allocate({ Name: name }),
    );
    expect((await addressOf(allocationId))?.Tags).toEqual([
      { Key: 'Name', Value: name },
    ]);
    expect(publicIp).toBe((await addressOf(allocationId))?.PublicIp);

    const { associationId } = resultOf(
      await addresses.associate(allocationId, { instanceId: first }),
    );
    expect(await addressOf(allocationId)).toMatchObject({
      InstanceId: first,
      AssociationId: associationId,
    });

    // Already associated: refused unless moving.
    await expect(
      addresses.associate(allocationId, { instanceId: second }),
    ).rejects.toThrow(
      `Elastic IP ${allocationId} is already associated with another instance or interface`,
    );
    expect((await addressOf(allocationId))?.InstanceId).toBe(first);

    const moved = resultOf(await addresses.move(allocationId, second));
    expect(moved.millis).toBeGreaterThanOrEqual(0);
    expect(moved.associationId).not.toBe(associationId);
    expect(await addressOf(allocationId)).toMatchObject({
      InstanceId: second,
      AssociationId: moved.associationId,
    });
    const instance = await directClient.send(
      new DescribeInstancesCommand({ InstanceIds: [second] }),
    );
    expect(instance.Reservations?.[0]?.Instances?.[0]?.PublicIpAddress).toBe(
      publicIp,
    );

    await directClient.send(
      new StopInstancesCommand({ InstanceIds: [second] }),
    );
    const row = (await addresses.list(signal)).find(
      (entry) => entry.allocationId === allocationId,
    );
    expect(row).toMatchObject({
      instanceId: second,
      instanceState: expect.stringMatching(/^(stopping|stopped)$/) as string,
    });

    resultOf(await addresses.disassociate(moved.associationId));
    expect((await addressOf(allocationId))?.AssociationId).toBeUndefined();

    resultOf(await addresses.release(allocationId));
    expect(await addressOf(allocationId)).toBeUndefined();
    await expect(addresses.release(allocationId)).rejects.toThrow(
      `Elastic IP ${allocationId} not found in us-west-2`,
    );
    factory.destroy();
  });

  it('associates with reassociation allowed when asked', async () => {
    const [first = '', second = ''] = await launch(directClient, 2);
    const { factory } = labFactory(WRITE_REGION);
    const addresses = createAddressService(factory);
    const { allocationId } = resultOf(await addresses.allocate({}));
    resultOf(await addresses.associate(allocationId, { instanceId: first }));
    resultOf(
      await addresses.associate(
        allocationId,
        { instanceId: second },
        { allowReassociation: true },
      ),
    );
    expect((await addressOf(allocationId))?.InstanceId).toBe(second);
    resultOf(await addresses.release(allocationId));
    factory.destroy();
  });

  it('answers dry runs without changing anything', async () => {
    const [id = ''] = await launch(directClient, 1);
    const { factory } = labFactory(WRITE_REGION);
    const addresses = createAddressService(factory);
    const before = (await directClient.send(new DescribeAddressesCommand({})))
      .Addresses?.length;
    expect(await addresses.allocate({}, { dryRun: true })).toEqual({
      dryRun: { allowed: true },
    });
    expect(
      (await directClient.send(new DescribeAddressesCommand({}))).Addresses
        ?.length,
    ).toBe(before);
    const { allocationId } = resultOf(await addresses.allocate({}));
    expect(
      await addresses.associate(
        allocationId,
        { instanceId: id },
        { dryRun: true },
      ),
    ).toEqual({ dryRun: { allowed: true } });
    expect(await addresses.move(allocationId, id, { dryRun: true })).toEqual({
      dryRun: { allowed: true },
    });
    expect(await addresses.release(allocationId, { dryRun: true })).toEqual({
      dryRun: { allowed: true },
    });
    expect(await addressOf(allocationId)).toMatchObject({
      AllocationId: allocationId,
    });
    // moto leaves InstanceId empty rather than absent.
    expect((await addressOf(allocationId))?.InstanceId ?? '').toBe('');
    resultOf(await addresses.release(allocationId));
    factory.destroy();
  });

  it('refuses bad input before any call', async () => {
    const { factory } = labFactory(WRITE_REGION);
    const addresses = createAddressService(factory);
    const send = await watchSends(factory);
    await expectRefusedWithoutCalls(
      send,
      () => addresses.release('eipassoc-12345678'),
      'not a valid Elastic IP allocation ID',
    );
    await expectRefusedWithoutCalls(
      send,
      () => addresses.disassociate('eipalloc-12345678'),
      'not a valid Elastic IP association ID',
    );
    await expectRefusedWithoutCalls(
      send,
      () => addresses.move('eipalloc-12345678', 'web-1'),
      'not a valid instance ID',
    );
    await expectRefusedWithoutCalls(
      send,
      () =>
        addresses.associate('eipalloc-12345678', {
          networkInterfaceId: 'eni-12345678',
          privateIp: '10.0.0.300',
        }),
      'not an IPv4 address',
    );
    await expectRefusedWithoutCalls(
      send,
      () => addresses.allocate({ 'aws:cloudformation': 'x' }),
      'is reserved',
    );
    factory.destroy();
  });
});
