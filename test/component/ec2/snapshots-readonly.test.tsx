import { describe, expect, it } from 'vitest';
import type { SnapshotRow } from '../../../source/aws/ec2/types.js';
import { ALL_BINDINGS } from '../../../source/keymap/index.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2 } from '../../helpers/fakes/fake-ec2.js';
import { KEYS } from '../../helpers/keys.js';

const snapshot = (
  id: string,
  state: string,
  progress: number,
): SnapshotRow => ({
  id,
  name: '',
  volumeId: 'vol-0aaaaaaaaaaaaaaa1',
  size: 50,
  state,
  progress,
  started: new Date('2026-11-20T00:00:00Z'),
  description: 'web-1 weekly',
  encrypted: false,
  region: 'us-east-1',
  tags: {},
});

describe('snapshots pane', () => {
  it('copies a snapshot to a region picked from the enabled ones', async () => {
    const fake = createFakeEc2({
      snapshots: [
        snapshot('snap-0aaaaaaaaaaaaaaa1', 'completed', 100),
        snapshot('snap-0aaaaaaaaaaaaaaa2', 'pending', 45),
      ],
    });
    const { view } = await openConsole({
      pane: 'snapshots',
      ec2: fake,
      size: { columns: 120, rows: 30 },
    });
    const frame = await view.waitFor((text) => text.includes('Snapshots (2)'));
    expect(frame).toMatch(/snap-0aaaaaaaaaaaaaaa2.*pending\s+45%/);
    await view.press('R', (text) =>
      text.includes('Copy snap-0aaaaaaaaaaaaaaa1 to'),
    );
    await view.press('/', (text) => text.includes('Esc ends the filter'));
    await view.press('eu-west', (text) => text.includes('(1/3)'));
    await view.press(KEYS.enter, (text) =>
      text.includes('copy of snap-0aaaaaaaaaaaaaaa1 from us-east-1'),
    );
    await view.press(KEYS.enter, (text) =>
      text.includes('Copy snap-0aaaaaaaaaaaaaaa1 to eu-west-1'),
    );
    await view.press('y', (text) =>
      text.includes('copy snap-0copy started in eu-west-1'),
    );
    expect(fake.calls).toEqual(['copy snap-0aaaaaaaaaaaaaaa1 eu-west-1']);
  });

  it('will not make a volume from a snapshot still pending', async () => {
    const fake = createFakeEc2({
      snapshots: [snapshot('snap-0aaaaaaaaaaaaaaa2', 'pending', 45)],
    });
    const { view } = await openConsole({ pane: 'snapshots', ec2: fake });
    await view.waitFor((text) => text.includes('Snapshots (1)'));
    await view.press('v', (text) =>
      text.includes('wait until it is completed'),
    );
    expect(fake.calls).toEqual([]);
  });
});

describe('read-only mode', () => {
  const writes = ALL_BINDINGS.filter((binding) => binding.write === true);

  it.each(['instances', 'eips', 'volumes', 'snapshots'])(
    'refuses every write key of %s and calls nothing',
    async (pane) => {
      const fake = createFakeEc2({
        addresses: [
          {
            allocationId: 'eipalloc-1',
            publicIp: '3.3.3.3',
            associationId: '',
            instanceId: '',
            instanceName: '',
            instanceState: '',
            privateIp: '',
            networkInterfaceId: '',
            region: 'us-east-1',
            tags: {},
          },
        ],
        volumes: [
          {
            id: 'vol-0aaaaaaaaaaaaaaa1',
            name: '',
            size: 1,
            type: 'gp3',
            iops: undefined,
            throughput: undefined,
            state: 'available',
            az: 'us-east-1a',
            region: 'us-east-1',
            attachments: [],
            encrypted: true,
            kmsKeyId: '',
            snapshotId: '',
            created: undefined,
            tags: {},
          },
        ],
        snapshots: [snapshot('snap-0aaaaaaaaaaaaaaa1', 'completed', 100)],
      });
      const { view } = await openConsole({
        pane,
        ec2: fake,
        readOnly: true,
        size: { columns: 120, rows: 30 },
      });
      await view.waitFor((text) => /\((1|3)\)/.test(text), 'the rows');
      const keys = writes.filter((binding) => binding.scope === `pane:${pane}`);
      expect(keys.length).toBeGreaterThan(2);
      for (const binding of keys) {
        const refused = await view.press(binding.keys[0] ?? '', (text) =>
          text.includes(
            `read-only: ${binding.command.slice(binding.command.indexOf('.') + 1)} is a write and was not sent (started with --read-only)`,
          ),
        );
        expect(refused, binding.command).not.toContain('╭');
      }
      expect(fake.calls).toEqual([]);
      // The footer offers no write key.
      const footer = view.frame().split('\n').at(-1) ?? '';
      for (const binding of keys)
        if (binding.hint) expect(footer).not.toContain(` ${binding.hint} `);
    },
  );
});
