import { describe, expect, it } from 'vitest';
import type { AddressRow, VolumeRow } from '../../../source/aws/ec2/types.js';
import { openConsole } from '../../helpers/console.js';
import {
  createFakeEc2,
  fakeInstance,
  fakeVolume,
} from '../../helpers/fakes/fake-ec2.js';
import { KEYS } from '../../helpers/keys.js';

const address = (
  id: string,
  ip: string,
  instanceId: string,
  instanceName: string,
  instanceState: string,
): AddressRow => ({
  allocationId: id,
  publicIp: ip,
  associationId: instanceId ? `eipassoc-${id}` : '',
  instanceId,
  instanceName,
  instanceState,
  privateIp: instanceId ? '10.0.0.10' : '',
  networkInterfaceId: '',
  region: 'us-east-1',
  tags: {},
});

const volume = (
  id: string,
  state: string,
  az: string,
  extra: Partial<VolumeRow> = {},
): VolumeRow => fakeVolume(id, { size: 50, state, az, ...extra });

describe('Elastic IPs pane', () => {
  const ec2 = () =>
    createFakeEc2({
      addresses: [
        address(
          'eipalloc-0001',
          '3.1.1.1',
          'i-0aaa0000000000001',
          'web-1',
          'running',
        ),
        address('eipalloc-0002', '3.2.2.2', '', '', ''),
        address(
          'eipalloc-0003',
          '3.3.3.3',
          'i-0aaa0000000000003',
          'batch-1',
          'stopped',
        ),
      ],
    });

  it('flags idle addresses and addresses on stopped instances', async () => {
    const { view } = await openConsole({
      pane: 'eips',
      ec2: ec2(),
      size: { columns: 120, rows: 30 },
    });
    const frame = await view.waitFor((text) =>
      text.includes('Elastic IPs (3)'),
    );
    expect(frame).toMatch(/3\.2\.2\.2.*idle: billed hourly/);
    expect(frame).toMatch(/3\.3\.3\.3.*on a stopped instance: billed/);
    expect(frame).not.toMatch(/3\.1\.1\.1.*billed/);
  });

  it('moves an address to another instance picked from a list, and says how long it took', async () => {
    const fake = ec2();
    const { view } = await openConsole({ pane: 'eips', ec2: fake });
    await view.waitFor((text) => text.includes('Elastic IPs (3)'));
    const picker = await view.press('M', (text) =>
      text.includes('Move 3.1.1.1 to'),
    );
    expect(picker).toContain('web-2');
    expect(picker).not.toMatch(/^│ web-1 /m);
    await view.press('/', (text) => text.includes('Esc ends the filter'));
    await view.press('web-2', (text) => text.includes('(1/2)'));
    const confirm = await view.press(KEYS.enter, (text) =>
      text.includes('Move 3.1.1.1 to web-2'),
    );
    expect(confirm).toContain('web-1 (i-0aaa0000000000001) loses the address');
    await view.press('y', (text) =>
      text.includes('moved 3.1.1.1 to web-2 in 840 ms'),
    );
    expect(fake.calls).toEqual(['move eipalloc-0001 i-0aaa0000000000002']);
  });

  it('refuses to release an address in use, and asks for the IP to release an idle one', async () => {
    const fake = ec2();
    const { view } = await openConsole({ pane: 'eips', ec2: fake });
    await view.waitFor((text) => text.includes('Elastic IPs (3)'));
    await view.press('X', (text) => text.includes('U disassociates it first'));
    await view.press('j');
    const dialog = await view.press('X', (text) =>
      text.includes('Release 3.2.2.2'),
    );
    expect(dialog).toContain('normally gone for good');
    await view.press('3.2.2.2');
    await view.press(KEYS.enter, (text) =>
      text.includes('release 3.2.2.2: done'),
    );
    expect(fake.calls).toEqual(['release eipalloc-0002']);
  });
});

describe('volumes pane', () => {
  const ec2 = () =>
    createFakeEc2({
      instances: [
        fakeInstance('i-0aaa0000000000001', 'web-1', 'running'),
        fakeInstance('i-0aaa0000000000002', 'web-eu-b', 'running', {
          az: 'us-east-1b',
        }),
      ],
      volumes: [
        volume('vol-0aaaaaaaaaaaaaaa1', 'available', 'us-east-1a'),
        volume('vol-0aaaaaaaaaaaaaaa2', 'in-use', 'us-east-1a', {
          attachments: [
            {
              instanceId: 'i-0aaa0000000000001',
              device: '/dev/sdf',
              state: 'attached',
              deleteOnTermination: false,
            },
          ],
          encrypted: true,
        }),
      ],
    });

  it('flags forgotten and unencrypted volumes', async () => {
    const { view } = await openConsole({
      pane: 'volumes',
      ec2: ec2(),
      size: { columns: 160, rows: 30 },
    });
    const frame = await view.waitFor((text) => text.includes('Volumes (2)'));
    expect(frame).toMatch(
      /vol-0aaaaaaaaaaaaaaa1.*unattached 7d\+, unencrypted/,
    );
    expect(frame).toMatch(/vol-0aaaaaaaaaaaaaaa2.*i-0aaa0000000000001 sdf/);
  });

  it('attaches to an instance of the same zone, suggests a free device and refuses a used one', async () => {
    const fake = ec2();
    const { view } = await openConsole({ pane: 'volumes', ec2: fake });
    await view.waitFor((text) => text.includes('Volumes (2)'));
    const picker = await view.press('a', (text) => text.includes('(1/1)'));
    expect(picker).toContain('web-1');
    expect(picker).not.toContain('web-eu-b');
    const form = await view.press(KEYS.enter, (text) =>
      text.includes('Attach vol-0aaaaaaaaaaaaaaa1 to web-1'),
    );
    expect(form).toMatch(/Device\s+\/dev\/sdf/);
    await view.press(KEYS.ctrlU);
    const used = await view.press(
      '/dev/xvda',
      (text) =>
        text.includes('is not a device name') || text.includes('in use'),
    );
    expect(used).toMatch(/not a device name|in use/);
    await view.press(KEYS.ctrlU);
    await view.press('/dev/sdg');
    await view.press(KEYS.enter, (text) => text.includes('as /dev/sdg'));
    await view.press('y', (text) =>
      text.includes('attach vol-0aaaaaaaaaaaaaaa1 to web-1 as /dev/sdg: done'),
    );
    expect(fake.calls).toEqual([
      'attach vol-0aaaaaaaaaaaaaaa1 i-0aaa0000000000001 /dev/sdg',
    ]);
  });

  it('creates a volume from a form whose size rule follows the type', async () => {
    const fake = ec2();
    const { view } = await openConsole({ pane: 'volumes', ec2: fake });
    await view.waitFor((text) => text.includes('Volumes (2)'));
    await view.press('n', (text) => text.includes('Create a volume'));
    await view.press(KEYS.tab);
    await view.press(KEYS.right, (text) => text.includes('< io1 >'));
    await view.press(KEYS.tab);
    const tooSmall = await view.press('2', (text) =>
      text.includes('a io1 volume must be 4 to 16384 GiB'),
    );
    expect(tooSmall).toContain('Size (GiB)');
    await view.press('0');
    await view.press(KEYS.enter, (text) =>
      text.includes('Create a io1 volume of 20 GiB in us-east-1a'),
    );
    await view.press('y', (text) => text.includes('created vol-0new'));
    expect(fake.calls).toEqual(['create-volume us-east-1a 20 io1']);
  });

  it('will not delete an attached volume', async () => {
    const fake = ec2();
    const { view } = await openConsole({ pane: 'volumes', ec2: fake });
    await view.waitFor((text) => text.includes('Volumes (2)'));
    await view.press('j');
    await view.press('X', (text) =>
      text.includes('is attached: u detaches it first'),
    );
    expect(fake.calls).toEqual([]);
  });
});
