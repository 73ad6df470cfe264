/**
 * N on the instances pane with retention at 80x24: the engine's dry run is
 * the confirmation (what it makes, what it deletes, the AMI's snapshot that
 * stays), deletions need the ID or Name typed, then the run.
 */
import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const size = { columns: 80, rows: 24 };

describe('N with retention', () => {
  it('plans, asks for the name, then snapshots and deletes', async () => {
    const { view, deps } = await openConsole({ pane: 'instances', size });
    await view.waitFor((frame) => frame.includes('Instances (3)'));
    await view.press('N', (frame) => frame.includes('Keep newest'));
    await view.press(KEYS.tab);
    await view.press('3');
    await view.press(KEYS.tab);
    await view.press('14');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('and delete 1 old snapshot'),
    );
    const confirm = view.frame();
    expect(confirm).toContain(
      'delete: snap-0000000000000d001 of vol-0aaaaaaaaaaaaaaa1 (11-01 03:00)',
    );
    expect(confirm).toContain(
      'snap-0000000000000d002 stays: image ami-0golden (golden) uses it.',
    );
    expect(confirm).toContain(
      'Keeps the newest 3 and those of the last 14 days per volume',
    );
    expect(deps.snapshotAll.requests).toMatchObject([
      {
        selector: { instanceId: 'i-0aaa0000000000001' },
        retention: { keep: 3, keepDays: 14 },
        dryRun: true,
      },
    ]);
    await view.press('web-1');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('1 snapshots of web-1 started; 1 old deleted'),
    );
    expect(deps.snapshotAll.requests.map((one) => one.dryRun)).toEqual([
      true,
      false,
    ]);
    expect(deps.snapshotAll.requests[1]?.description).toMatch(/^web-1 /);
    for (const frame of view.frames())
      expect(lines(frame).length).toBeLessThan(size.rows);
    view.unmount();
  });

  it('rejects a retention that is not a whole number, naming the field', async () => {
    const { view, deps } = await openConsole({ pane: 'instances', size });
    await view.waitFor((frame) => frame.includes('Instances (3)'));
    await view.press('N', (frame) => frame.includes('Keep newest'));
    await view.press(KEYS.tab);
    await view.press('0', (frame) =>
      frame.includes('Keep newest: a whole number of at least 1, or blank'),
    );
    // Enter does not submit a form with a bad field: it stays open, nothing runs.
    view.raw.stdin.write(KEYS.enter);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(view.frame()).toContain('Snapshot every volume of web-1');
    expect(deps.snapshotAll.requests).toEqual([]);
    view.unmount();
  });
});
