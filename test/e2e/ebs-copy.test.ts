/**
 * The region-copy wizard in a real terminal at 80x24, on a lab of its own
 * (--demo): a volume of us-east-1 copied to eu-west-1 from the volumes pane,
 * then the new volume and its migration tag checked by asking moto directly.
 */
import { DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { LAB_CREDENTIALS } from '../../source/lab/lab-aws.js';
import { builtCli } from '../helpers/built-cli.js';
import { KEYS } from '../helpers/keys.js';
import { labPart } from '../helpers/lab.js';
import { runInPty } from '../helpers/pty-screen.js';

const moto = labPart('moto');

describe.skipIf(!moto.info)(
  `region-copy wizard in a terminal${moto.missing}`,
  () => {
    it('copies a volume to the second region, as moto then says', async () => {
      // --demo keeps its journals in the lab's own directory.
      const app = runInPty(process.execPath, [builtCli(), '--demo'], {
        columns: 80,
        rows: 24,
      });
      try {
        await app.waitFor(
          (screen) =>
            screen.includes('Instances (7') && screen.includes('web-1'),
          'the instances',
          60_000,
        );
        app.type(':whoami\r');
        const whoami = await app.waitFor(
          (screen) => screen.includes('Local lab'),
          'the lab summary',
        );
        const endpoint =
          /moto\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(whoami)?.[1] ?? '';
        expect(endpoint).not.toBe('');
        app.type(KEYS.escape);

        app.type(':volumes\r');
        await app.waitFor((screen) => screen.includes('Volumes ('), 'volumes');
        app.type('/restore-test\r');
        await app.waitFor(
          (screen) => /Volumes \(1\/\d+\)/.test(screen),
          'the restore-test volume',
        );
        app.type('r');
        await app.waitFor(
          (screen) => screen.includes('to which region?'),
          'the region picker',
        );
        app.type('/eu-west-1');
        await app.waitFor((screen) => /\(1\/\d+\)/.test(screen), 'eu-west-1');
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('Zone in eu-west-1'),
          'the zone picker',
        );
        app.type('/eu-west-1a');
        await app.waitFor((screen) => /\(1\/\d+\)/.test(screen), 'eu-west-1a');
        app.type('\r');
        const options = await app.waitFor(
          (screen) => screen.includes('Step 3/6: Options'),
          'the options screen',
        );
        expect(options).toMatch(/Target\s+eu-west-1, zone eu-west-1a/);

        app.type('\r');
        const review = await app.waitFor(
          (screen) => screen.includes('Step 5/6: Plan'),
          'the pre-flight and plan',
          30_000,
        );
        expect(review).toMatch(
          /Pre-flight: 0 blockers|Pre-flight: no problems/,
        );
        expect(review).toContain('Copy the snapshot to eu-west-1');

        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('Start copy'),
          'the confirmation',
        );
        app.type('y');
        const finished = await app.waitFor(
          (screen) => screen.includes('Finished'),
          'the finish screen',
          60_000,
        );
        const runId = /Run (mig-\S+) is done/.exec(finished)?.[1];
        const volumeId = /Now in eu-west-1:\s+volume (vol-\S+)/.exec(
          finished,
        )?.[1];
        expect(runId).toMatch(/^mig-/);
        expect(volumeId).toMatch(/^vol-/);

        const eu = new EC2Client({
          region: 'eu-west-1',
          endpoint,
          credentials: LAB_CREDENTIALS,
        });
        const found = await eu.send(
          new DescribeVolumesCommand({ VolumeIds: [volumeId ?? ''] }),
        );
        const copy = found.Volumes?.[0];
        expect(copy?.AvailabilityZone).toBe('eu-west-1a');
        expect(copy?.Size).toBe(20);
        expect(
          copy?.Tags?.find((tag) => tag.Key === 'opsdeck:migration')?.Value,
        ).toBe(runId);
        expect(copy?.Tags?.find((tag) => tag.Key === 'Name')?.Value).toBe(
          'restore-test',
        );
        eu.destroy();

        app.type('q');
        expect(await app.exited).toBe(0);
      } finally {
        app.kill();
      }
    }, 180_000);
  },
);
