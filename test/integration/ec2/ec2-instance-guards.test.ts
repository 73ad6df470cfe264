import { DescribeInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstanceService } from '../../../source/aws/ec2/instances.js';
import { UserError } from '../../../source/lib/errors.js';
import { ReadOnlyError } from '../../../source/safety/read-only.js';
import {
  UNKNOWN_INSTANCE,
  WRITE_REGION,
  direct,
  expectRefusedWithoutCalls,
  labFactory,
  launch,
  moto,
  useLabProfiles,
  watchSends,
} from './ec2-lab.js';

describe.skipIf(!moto.info)(
  `EC2 instance input checks and read-only mode against moto${moto.missing}`,
  () => {
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

    it('refuses bad input before any call', async () => {
      const { factory } = labFactory(WRITE_REGION);
      const instances = createInstanceService(factory);
      const send = await watchSends(factory);
      await expectRefusedWithoutCalls(
        send,
        () => instances.stop(['i-123']),
        '"i-123" is not a valid instance ID',
      );
      await expectRefusedWithoutCalls(
        send,
        () => instances.terminate([]),
        'no instances chosen',
      );
      await expectRefusedWithoutCalls(
        send,
        () =>
          instances.createImage(UNKNOWN_INSTANCE, {
            name: 'no#hash',
            noReboot: true,
          }),
        'has characters an AMI name cannot have',
      );
      await expectRefusedWithoutCalls(
        send,
        () => instances.consoleOutput('web-1'),
        UserError,
      );
      await expectRefusedWithoutCalls(
        send,
        () => instances.setTags(['vol-1'], { a: 'b' }, []),
        'not a valid volume ID',
      );
      await expectRefusedWithoutCalls(
        send,
        () => instances.imageName('ubuntu'),
        'not a valid AMI ID',
      );
      factory.destroy();
    });

    it('blocks writes in read-only mode, dry runs included, before moto sees them', async () => {
      const [id = ''] = await launch(directClient, 1);
      await stateOf(id);
      const { factory, events } = labFactory(WRITE_REGION, true);
      const instances = createInstanceService(factory);
      await expect(instances.stop([id])).rejects.toThrow(ReadOnlyError);
      await expect(instances.stop([id], { dryRun: true })).rejects.toThrow(
        ReadOnlyError,
      );
      expect(await stateOf(id)).toBe('running');
      expect(
        events.getSnapshot().every((event) => event.level === 'warn'),
      ).toBe(true);
      factory.destroy();
    });
  },
);
