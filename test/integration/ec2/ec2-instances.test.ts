import {
  DescribeInstancesCommand,
  ModifyInstanceAttributeCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstanceService } from '../../../source/aws/ec2/instances.js';
import type { InstanceRow } from '../../../source/aws/ec2/types.js';
import {
  UNKNOWN_INSTANCE,
  WRITE_REGION,
  direct,
  labFactory,
  launch,
  moto,
  runMarker,
  useLabProfiles,
} from './ec2-lab.js';

const signal = new AbortController().signal;

describe.skipIf(!moto.info)(`EC2 instances against moto${moto.missing}`, () => {
  useLabProfiles();
  let directClient: EC2Client;
  beforeAll(() => {
    directClient = direct(WRITE_REGION);
  });
  afterAll(() => directClient.destroy());

  async function stateOf(id: string): Promise<string | undefined> {
    const found = await directClient.send(
      new DescribeInstancesCommand({ InstanceIds: [id] }),
    );
    return found.Reservations?.[0]?.Instances?.[0]?.State?.Name;
  }

  it('lists the seeded instances of us-east-1 and eu-west-1', async () => {
    const { factory } = labFactory('us-east-1');
    const east = await createInstanceService(factory).list(undefined, signal);
    const byName = new Map(east.rows.map((row) => [row.name, row]));
    expect(east.next).toBeUndefined();
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining([
        'web-1',
        'web-2',
        'db-1',
        'batch-1',
        'build-1',
        'old-app',
      ]),
    );
    expect(byName.get('build-1')?.state).toBe('pending');
    expect(byName.get('old-app')?.state).toBe('terminated');
    expect(byName.get('web-1')).toMatchObject({
      region: 'us-east-1',
      type: 't3.small',
      keyName: 'ops-key',
      tags: { Name: 'web-1', env: 'prod', team: 'web' },
    });
    expect(
      byName.get('web-1')?.securityGroups.map((group) => group.name),
    ).toContain('web');
    factory.destroy();
    const { factory: eu } = labFactory('eu-west-1');
    const west = await createInstanceService(eu).list(undefined, signal);
    expect(west.rows.map((row) => row.name).sort()).toEqual([
      'app-eu-1',
      'app-eu-2',
    ]);
    eu.destroy();
  });

  it('pages through more instances than one page holds', async () => {
    const marker = runMarker();
    const launched = await launch(directClient, 12, {
      tags: { Name: `page-${marker}` },
    });
    const { factory } = labFactory(WRITE_REGION);
    const instances = createInstanceService(factory, { pageSize: 5 });
    const pages: (readonly InstanceRow[])[] = [];
    let cursor: string | undefined;
    do {
      const page = await instances.list(cursor, signal);
      pages.push(page.rows);
      cursor = page.next;
    } while (cursor !== undefined && pages.length < 50);
    const ids = pages.flat().map((row) => row.id);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((rows) => rows.length <= 5)).toBe(true);
    expect(ids).toEqual(expect.arrayContaining(launched));
    expect(new Set(ids).size).toBe(ids.length);
    factory.destroy();
  });

  it('stops, starts and reboots, each target reported', async () => {
    const [id = ''] = await launch(directClient, 1);
    const { factory, events } = labFactory(WRITE_REGION);
    const instances = createInstanceService(factory);
    expect(await instances.stop([id])).toEqual({ succeeded: [id], failed: [] });
    expect(await stateOf(id)).toMatch(/^(stopping|stopped)$/);
    expect(await instances.start([id])).toEqual({
      succeeded: [id],
      failed: [],
    });
    expect(await stateOf(id)).toMatch(/^(pending|running)$/);
    expect(await instances.reboot([id])).toEqual({
      succeeded: [id],
      failed: [],
    });
    // One entry per write, with its target and its outcome.
    const stops = events
      .getSnapshot()
      .filter((event) => event.message.startsWith('ec2:StopInstances'));
    expect(stops.map((event) => event.message)).toEqual([
      `ec2:StopInstances InstanceIds=${id}: succeeded`,
    ]);
    factory.destroy();
  });

  it('reports a partial failure in a bulk stop per instance', async () => {
    const [good = ''] = await launch(directClient, 1);
    const { factory } = labFactory(WRITE_REGION);
    const outcome = await createInstanceService(factory).stop([
      good,
      UNKNOWN_INSTANCE,
    ]);
    expect(outcome.succeeded).toEqual([good]);
    expect(outcome.failed).toEqual([
      {
        id: UNKNOWN_INSTANCE,
        message: expect.stringContaining(
          `instance ${UNKNOWN_INSTANCE} not found in us-west-2`,
        ) as string,
      },
    ]);
    expect(await stateOf(good)).toMatch(/^(stopping|stopped)$/);
    factory.destroy();
  });

  it('answers a dry run without changing anything', async () => {
    const [id = ''] = await launch(directClient, 1);
    await stateOf(id); // moto moves pending to running on the first look
    const { factory } = labFactory(WRITE_REGION);
    const instances = createInstanceService(factory);
    const dryRuns = [
      await instances.stop([id], { dryRun: true }),
      await instances.start([id], { dryRun: true }),
      await instances.reboot([id], { dryRun: true }),
      await instances.terminate([id], { dryRun: true }),
    ];
    for (const outcome of dryRuns)
      expect(outcome).toEqual({
        dryRun: { allowed: true },
        succeeded: [],
        failed: [],
      });
    expect(await stateOf(id)).toBe('running');
    factory.destroy();
  });

  it('refuses to terminate an instance with termination protection', async () => {
    const [guarded = '', free = ''] = await launch(directClient, 2);
    await directClient.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: guarded,
        DisableApiTermination: { Value: true },
      }),
    );
    const { factory } = labFactory(WRITE_REGION);
    const outcome = await createInstanceService(factory).terminate([
      guarded,
      free,
    ]);
    expect(outcome.succeeded).toEqual([free]);
    expect(outcome.failed).toEqual([
      {
        id: guarded,
        message: `termination protection is on: turn it off first (aws ec2 modify-instance-attribute --instance-id ${guarded} --no-disable-api-termination --region us-west-2 --profile lab)`,
      },
    ]);
    expect(await stateOf(guarded)).toBe('running');
    expect(await stateOf(free)).toMatch(/^(shutting-down|terminated)$/);
    // Leave nothing protected behind.
    await directClient.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: guarded,
        DisableApiTermination: { Value: false },
      }),
    );
    await directClient.send(
      new TerminateInstancesCommand({ InstanceIds: [guarded] }),
    );
    factory.destroy();
  });
});
