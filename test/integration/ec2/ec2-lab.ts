/**
 * Shared set-up for the EC2 service tests against the lab's moto: the
 * profile files, a factory like the console builds, and a direct client
 * to check results by asking moto around opsdeck. Writes go only to
 * us-west-2 and ap-southeast-2; the seeded regions are read, never changed.
 */
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { expect, vi, type MockInstance } from 'vitest';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { createEventLog } from '../../../source/events/event-log.js';
import { LAB_CREDENTIALS } from '../../../source/lab/lab-aws.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import { labPart } from '../../helpers/lab.js';
import type { Outcome } from '../../../source/safety/write-outcome.js';

export const moto = labPart('moto');
export const WRITE_REGION = 'us-west-2';
export const COPY_REGION = 'ap-southeast-2';
export const IMAGE_ID = 'ami-1e749f67';
/** Well-formed IDs that no lab resource has. */
export const UNKNOWN_INSTANCE = 'i-0123456789abcdef0';

export { useLabProfiles } from '../../helpers/lab.js';

/** A factory like the console's, on profile lab; one attempt so failures are quick. */
export function labFactory(region: string, readOnly = false) {
  const events = createEventLog();
  const factory = createAwsClientFactory(
    {
      profile: 'lab',
      region,
      endpoint: moto.info?.endpoint,
      maxAttempts: 1,
    },
    { guard: createWriteGuard(readOnly, '--read-only'), events },
  );
  return { factory, events };
}

/** A client around opsdeck, to check what moto really holds. */
export function direct(region: string): EC2Client {
  return new EC2Client({
    region,
    endpoint: moto.info?.endpoint,
    credentials: LAB_CREDENTIALS,
  });
}

/** One reservation per instance, as pages of DescribeInstances count reservations. */
export async function launch(
  client: EC2Client,
  count: number,
  options: { zone?: string; tags?: Record<string, string> } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const run = await client.send(
      new RunInstancesCommand({
        ImageId: IMAGE_ID,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
        ...(options.zone === undefined
          ? {}
          : { Placement: { AvailabilityZone: options.zone } }),
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: Object.entries({
              'opsdeck-test': 'ec2-services',
              ...options.tags,
            }).map(([Key, Value]) => ({
              Key,
              Value,
            })),
          },
        ],
      }),
    );
    const id = run.Instances?.[0]?.InstanceId;
    if (id === undefined) throw new Error('moto launched no instance');
    ids.push(id);
  }
  return ids;
}

/** A marker unique to this run, for tags and names. */
export const runMarker = () =>
  `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The result of a write that was not a dry run. */
export function resultOf<T>(outcome: Outcome<T>): T {
  if (!('result' in outcome))
    throw new Error(
      `expected a result, got a dry run: ${JSON.stringify(outcome)}`,
    );
  return outcome.result;
}

type SendSpy = MockInstance<EC2Client['send']>;

/** Watches every command the factory's client for `region` sends. */
export async function watchSends(
  factory: ReturnType<typeof labFactory>['factory'],
  region?: string,
): Promise<SendSpy> {
  const client = await factory.ec2(region);
  return vi.spyOn(client, 'send');
}

/** Names of the commands sent so far ("AttachVolumeCommand", ...). */
function sentCommands(spy: SendSpy): string[] {
  return spy.mock.calls.map(([command]) => command.constructor.name);
}

/** Asserts that the call was refused before anything was sent. */
export async function expectRefusedWithoutCalls(
  spy: SendSpy,
  call: () => Promise<unknown>,
  expected: string | RegExp | (new (...args: never[]) => Error),
): Promise<void> {
  await expect(call()).rejects.toThrow(expected);
  expect(sentCommands(spy)).toEqual([]);
}

/** A fresh snapshot of a new `size` GiB volume in us-west-2a. */
export async function freshSnapshot(
  client: EC2Client,
  size: number,
  description: string,
): Promise<string> {
  const created = await client.send(
    new CreateVolumeCommand({
      AvailabilityZone: 'us-west-2a',
      Size: size,
      VolumeType: 'gp3',
    }),
  );
  const snapshot = await client.send(
    new CreateSnapshotCommand({
      VolumeId: created.VolumeId,
      Description: description,
    }),
  );
  return snapshot.SnapshotId ?? '';
}

export async function snapshotExists(
  client: EC2Client,
  id: string,
): Promise<boolean> {
  const found = await client
    .send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))
    .catch(() => ({ Snapshots: [] }));
  return (found.Snapshots ?? []).length === 1;
}
