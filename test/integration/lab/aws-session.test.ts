import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { createAwsClientFactory } from '../../../source/aws/client-factory.js';
import { createEventLog } from '../../../source/events/event-log.js';
import {
  LAB_CREDENTIALS,
  LAB_PROD_ACCOUNT,
} from '../../../source/lab/lab-aws.js';
import { ReadOnlyError } from '../../../source/safety/read-only.js';
import { createSessionOpener } from '../../../source/session/session.js';
import { labPart, useLabProfiles } from '../../helpers/lab.js';

const moto = labPart('moto');

describe.skipIf(!moto.info)(`sessions against moto${moto.missing}`, () => {
  const endpoint = moto.info?.endpoint ?? '';

  useLabProfiles();

  function open(profile: string, readOnly = false) {
    const events = createEventLog();
    const session = createSessionOpener({ events, maxAttempts: 1 })({
      profile,
      region: 'us-east-1',
      endpoint,
      readOnly,
      readOnlyReason: readOnly
        ? 'profile lab-prod is read-only in config.yaml'
        : '',
    });
    return { session, events };
  }

  it('reads the caller identity through the profile', async () => {
    const { session } = open('lab');
    await expect(session.services.identity.whoAmI()).resolves.toMatchObject({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:user/moto',
    });
    session.close();
  });

  it('follows an assume-role profile into the other account', async () => {
    const { session } = open('lab-prod');
    const identity = await session.services.identity.whoAmI();
    expect(identity.account).toBe(LAB_PROD_ACCOUNT);
    expect(identity.arn).toMatch(/assumed-role\/ops\//);
    session.close();
  });

  it('lists regions with their opt-in status', async () => {
    const { session } = open('lab');
    const list = await session.services.regions.listRegions();
    expect(list.fallbackReason).toBeUndefined();
    expect(list.rows.find((row) => row.code === 'eu-west-1')).toMatchObject({
      name: 'Europe (Ireland)',
      optIn: 'opt-in-not-required',
    });
    expect(list.rows.some((row) => row.optIn === 'not-opted-in')).toBe(true);
    session.close();
  });

  it('says SSO login is needed for an SSO profile without a token', async () => {
    const { session } = open('lab-sso');
    await expect(session.services.identity.whoAmI()).rejects.toMatchObject({
      kind: 'sso-login',
      hint: 'run: aws sso login --profile lab-sso',
    });
    session.close();
  });

  it('in read-only mode refuses a write before it reaches moto', async () => {
    const events = createEventLog();
    const factory = createAwsClientFactory(
      { profile: 'lab', region: 'eu-west-1', endpoint, maxAttempts: 1 },
      {
        guard: (
          await import('../../../source/safety/read-only.js')
        ).createWriteGuard(true, 'started with --read-only'),
        events,
      },
    );
    const client = await factory.ec2();
    const { RunInstancesCommand } = await import('@aws-sdk/client-ec2');
    await expect(
      client.send(
        new RunInstancesCommand({
          ImageId: 'ami-1e749f67',
          MinCount: 1,
          MaxCount: 1,
          TagSpecifications: [
            {
              ResourceType: 'instance',
              Tags: [{ Key: 'Name', Value: 'must-not-exist' }],
            },
          ],
        }),
      ),
    ).rejects.toThrow(ReadOnlyError);
    factory.destroy();
    // Ask moto directly, around opsdeck: nothing was created.
    const direct = new EC2Client({
      region: 'eu-west-1',
      endpoint,
      credentials: LAB_CREDENTIALS,
    });
    const found = await direct.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: 'tag:Name', Values: ['must-not-exist'] }],
      }),
    );
    direct.destroy();
    expect(found.Reservations ?? []).toEqual([]);
    expect(events.getSnapshot().map((event) => event.level)).toEqual(['warn']);
  });

  it('records a write that it sends when writes are allowed', async () => {
    const events = createEventLog();
    const { createWriteGuard } =
      await import('../../../source/safety/read-only.js');
    const factory = createAwsClientFactory(
      { profile: 'lab', region: 'eu-west-1', endpoint, maxAttempts: 1 },
      { guard: createWriteGuard(false), events },
    );
    const client = await factory.ec2();
    const { CreateTagsCommand, DeleteVolumeCommand, DescribeVolumesCommand } =
      await import('@aws-sdk/client-ec2');
    const volumes = await client.send(new DescribeVolumesCommand({}));
    const volumeId = volumes.Volumes?.[0]?.VolumeId ?? '';
    await client.send(
      new CreateTagsCommand({
        Resources: [volumeId],
        Tags: [{ Key: 'checked', Value: 'yes' }],
      }),
    );
    await expect(
      client.send(
        new DeleteVolumeCommand({ VolumeId: 'vol-0000000000000dead' }),
      ),
    ).rejects.toThrow();
    factory.destroy();
    // One entry per write, each with its target and its outcome.
    expect(
      events.getSnapshot().map((event) => `${event.level} ${event.message}`),
    ).toEqual([
      `write ec2:CreateTags Resources=${volumeId}: succeeded`,
      expect.stringMatching(
        /^error ec2:DeleteVolume VolumeId=vol-0000000000000dead: failed: /,
      ),
    ]);
  });
});
