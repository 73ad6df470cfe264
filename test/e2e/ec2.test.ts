/**
 * The EC2 panes in a real terminal, on a lab of their own (--demo): each
 * action is checked by asking moto directly, around opsdeck.
 */
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { LAB_CREDENTIALS } from '../../source/lab/lab-aws.js';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import {
  demoMotoEndpoint,
  runInPty,
  type PtyScreen,
} from '../helpers/pty-screen.js';

const moto = labPart('moto');

async function instances(ec2: EC2Client): Promise<Instance[]> {
  const result = await ec2.send(new DescribeInstancesCommand({}));
  return (result.Reservations ?? []).flatMap(
    (reservation) => reservation.Instances ?? [],
  );
}

const nameOf = (instance: Instance) =>
  instance.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? '';

/** The status line: the third row from the bottom of the frame. */
async function status(app: PtyScreen, text: string): Promise<string> {
  return app.waitFor(
    (screen) => screen.includes(text),
    `"${text}" in the status line`,
  );
}

describe.skipIf(!moto.info)(`EC2 panes in a terminal${moto.missing}`, () => {
  it('stops an instance, moves an Elastic IP, attaches a volume, as moto then says', async () => {
    const app = runInPty(process.execPath, [builtCli(), '--demo'], {
      columns: 120,
      rows: 36,
    });
    try {
      await app.waitFor(
        (screen) => screen.includes('Instances (7') && screen.includes('web-1'),
        'the instances',
        60_000,
      );
      const endpoint = await demoMotoEndpoint(app);
      const ec2 = new EC2Client({
        region: 'us-east-1',
        endpoint,
        credentials: LAB_CREDENTIALS,
      });
      const byName = async (name: string) =>
        (await instances(ec2)).find((instance) => nameOf(instance) === name);
      await app.waitFor(
        (screen) => screen.includes('Instances (7'),
        'the instances again',
      );

      // Stop web-1.
      app.type('/web-1\r');
      await app.waitFor(
        (screen) => screen.includes('Instances (1/7'),
        'web-1 alone',
      );
      app.type('S');
      await app.waitFor(
        (screen) => screen.includes('Stop 1 instance'),
        'the stop dialog',
      );
      app.type('y');
      await status(app, 'stop web-1: done');
      expect((await byName('web-1'))?.State?.Name).toBe('stopped');

      // Move web-2's neighbour: the address on web-1 goes to web-2.
      const web2 = await byName('web-2');
      app.type(':eips\r');
      await app.waitFor(
        (screen) => screen.includes('Elastic IPs (3)'),
        'the Elastic IPs',
      );
      app.type('/web-1\r');
      await app.waitFor(
        (screen) => screen.includes('Elastic IPs (1/3)'),
        'the address on web-1',
      );
      app.type('M');
      await app.waitFor(
        (screen) => screen.includes('to ('),
        'the instance picker',
      );
      app.type('/web-2');
      await app.waitFor(
        (screen) => /\(1\/\d+\)/.test(screen),
        'web-2 in the picker',
      );
      app.type('\r');
      await app.waitFor(
        (screen) => screen.includes('to web-2'),
        'the move dialog',
      );
      app.type('y');
      const moved = await status(app, 'to web-2 in');
      expect(moved).toMatch(/moved \S+ to web-2 in \d+ ms/);
      const addresses = await ec2.send(new DescribeAddressesCommand({}));
      const onWeb2 = (addresses.Addresses ?? []).filter(
        (address) => address.InstanceId === web2?.InstanceId,
      );
      expect(onWeb2).toHaveLength(1);

      // Attach the forgotten scratch volume to web-2 (same zone), as /dev/sdf.
      app.type(':volumes\r');
      await app.waitFor(
        (screen) => screen.includes('Volumes ('),
        'the volumes',
      );
      app.type('/scratch-old\r');
      await app.waitFor(
        (screen) => /Volumes \(1\/\d+\)/.test(screen),
        'the scratch volume',
      );
      app.type('a');
      await app.waitFor(
        (screen) => screen.includes('Attach scratch-old to'),
        'the instance picker',
      );
      app.type('/web-2');
      await app.waitFor(
        (screen) => /\(1\/\d+\)/.test(screen),
        'web-2 in the picker',
      );
      app.type('\r');
      const form = await app.waitFor(
        (screen) => screen.includes('Device'),
        'the device form',
      );
      expect(form).toMatch(/Device\s+\/dev\/sdf/);
      app.type('\r');
      await app.waitFor(
        (screen) => screen.includes('as /dev/sdf'),
        'the attach dialog',
      );
      app.type('y');
      await status(app, 'as /dev/sdf: done');
      const volumes = await ec2.send(
        new DescribeVolumesCommand({
          Filters: [{ Name: 'tag:Name', Values: ['scratch-old'] }],
        }),
      );
      expect(volumes.Volumes?.[0]?.Attachments?.[0]).toMatchObject({
        InstanceId: web2?.InstanceId,
        Device: '/dev/sdf',
      });

      ec2.destroy();
      app.type('q');
      expect(await app.exited).toBe(0);
    } finally {
      app.kill();
    }
  }, 120_000);
});
