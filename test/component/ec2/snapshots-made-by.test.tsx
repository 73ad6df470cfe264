/** The snapshots list marks, and the detail says, which snapshots snapshot-all made. */
import { describe, expect, it } from 'vitest';
import type { SnapshotRow } from '../../../source/aws/ec2/types.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeEc2 } from '../../helpers/fakes/fake-ec2.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const snapshot = (id: string, tags: Record<string, string>): SnapshotRow => ({
  id,
  name: tags['Name'] ?? '',
  volumeId: 'vol-0aaaaaaaaaaaaaaa1',
  size: 8,
  state: 'completed',
  progress: 100,
  started: new Date('2026-12-01T03:00:00Z'),
  description: 'nightly',
  encrypted: false,
  region: 'us-east-1',
  tags,
});

describe('snapshots made by snapshot-all', () => {
  it('are marked in the list at 80x24 and named in the detail', async () => {
    const fake = createFakeEc2({
      snapshots: [
        snapshot('snap-0aaaaaaaaaaaaaaa1', {
          Name: 'db-1 /dev/sdf',
          'opsdeck:snapshot-all': '2026-12-01T03:00:00.000Z',
        }),
        snapshot('snap-0aaaaaaaaaaaaaaa2', { Name: 'by hand' }),
      ],
    });
    const size = { columns: 80, rows: 24 };
    const { view } = await openConsole({ pane: 'snapshots', ec2: fake, size });
    const frame = await view.waitFor((text) => text.includes('Snapshots (2)'));
    expect(frame).toContain(' BY ');
    const row = (id: string) =>
      lines(frame).find((line) => line.includes(id)) ?? '';
    expect(row('snap-0aaaaaaaaaaaaaaa1')).toContain('sched');
    expect(row('snap-0aaaaaaaaaaaaaaa2')).not.toContain('sched');
    await view.press('d', (text) => text.includes('Made by'));
    expect(view.frame()).toContain(
      'opsdeck ec2 snapshot-all at 2026-12-01T03:00:00.000Z',
    );
    await view.press(KEYS.escape, (text) => text.includes('Snapshots (2)'));
    await view.press('j');
    await view.press('d', (text) => text.includes('Made by'));
    expect(view.frame()).toContain('not by opsdeck snapshot-all');
    for (const shown of view.frames())
      expect(lines(shown).length).toBeLessThan(size.rows);
    view.unmount();
  });
});
