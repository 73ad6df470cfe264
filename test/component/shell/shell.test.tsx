import { describe, expect, it } from 'vitest';

import { PANE_NAMES } from '../../../components/shell/pane-registry.js';
import { PANES } from '../../../source/shell/pane-catalog.js';

import { openConsole } from '../../helpers/console.js';
import { KEYS } from '../../helpers/keys.js';
import { lines, type Size } from '../../helpers/render.js';

/** The console on fake services, once the header and the regions are in. */
async function openReady(size: Size) {
  const { view, deps } = await openConsole({ size });
  await view.waitFor(
    (frame) => frame.includes('111111111111') && frame.includes('eu-west-1'),
    'the header and the regions',
  );
  return { view, deps };
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 36 },
])('console at $columns x $rows', (size) => {
  it('shows who and where in the header, the pane, and key hints from the keymap', async () => {
    const { view } = await openReady(size);
    const [header = '', title = ''] = lines(view.frame());
    expect(header).toContain('opsdeck');
    expect(header).toContain('dev');
    expect(header).toContain('us-east-1');
    expect(header).toContain('user/dev-ops');
    expect(title).toContain('Regions (3)');
    // The session's region is marked in use, the others are not.
    const row = (code: string) =>
      lines(view.frame()).find((line) => line.trimStart().startsWith(code)) ??
      '';
    expect(row('us-east-1')).toMatch(/us-east-1\s+yes/);
    expect(row('eu-west-1')).not.toContain('yes');
    const footer = lines(view.frame()).at(-1) ?? '';
    expect(footer).toContain(': cmd');
    expect(footer).toContain('? help');
    expect(footer).toContain('Enter switch');
    view.unmount();
  });

  it('never draws a frame taller than the terminal, and none wider', async () => {
    const { view } = await openReady(size);
    await view.press('?', (frame) => frame.includes('Help (Esc closes)'));
    await view.press(KEYS.escape, (frame) => frame.includes('Regions'));
    await view.press(':');
    await view.press('who');
    await view.press(KEYS.tab, (frame) => frame.includes(':whoami'));
    await view.press(KEYS.enter, (frame) =>
      frame.includes('whoami (Esc back)'),
    );
    await view.press(KEYS.escape, (frame) => frame.includes('Regions'));
    await view.press('!', (frame) => frame.includes('Event log'));
    for (const frame of view.frames()) {
      const frameLines = lines(frame);
      expect(frameLines.length).toBeLessThan(size.rows);
      for (const line of frameLines)
        expect(line.length).toBeLessThanOrEqual(size.columns);
    }
    view.unmount();
  });
});

describe('console navigation', () => {
  it('shows the help generated from the keymap and closes it with Esc', async () => {
    const { view } = await openReady({ columns: 100, rows: 40 });
    const help = await view.press('?', (frame) =>
      frame.includes('Help (Esc closes)'),
    );
    expect(help).toContain('Everywhere');
    expect(help).toContain('cancel running work; a second press quits');
    expect(help).toContain('sort by column N; again reverses');
    const back = await view.press(KEYS.escape, (frame) =>
      frame.includes('Regions (3)'),
    );
    expect(back).not.toContain('Help');
    view.unmount();
  });

  it('completes commands with Tab and runs them', async () => {
    const { view } = await openReady({ columns: 80, rows: 24 });
    await view.press(':');
    const typed = await view.press('pro');
    expect(typed).toContain(':pro');
    expect(typed).toContain('profiles profile prof');
    const completed = await view.press(KEYS.tab);
    expect(completed).toContain(':prof');
    await view.press('iles');
    const profiles = await view.press(KEYS.enter, (frame) =>
      frame.includes('Profiles (2)'),
    );
    expect(profiles).toContain('arn:aws:iam::222222222222:role/ops via dev');
    view.unmount();
  });

  it('marks the profile in use in :profiles, and follows a switch', async () => {
    const { view } = await openReady({ columns: 80, rows: 24 });
    await view.press(':');
    await view.press('profiles');
    const profiles = await view.press(KEYS.enter, (frame) =>
      frame.includes('Profiles (2)'),
    );
    const row = (frame: string, name: string) =>
      lines(frame).find((line) => line.trim().startsWith(name)) ?? '';
    expect(row(profiles, 'dev')).toContain('in use');
    expect(row(profiles, 'prod')).not.toContain('in use');
    await view.press('j');
    await view.press(KEYS.enter, (frame) => frame.includes('prod'));
    await view.press(':');
    await view.press('profiles');
    const switched = await view.press(KEYS.enter, (frame) =>
      frame.includes('Profiles (2)'),
    );
    expect(row(switched, 'prod')).toContain('in use');
    expect(row(switched, 'dev')).not.toContain('in use');
    view.unmount();
  });

  it('says what it did not understand, and suggests', async () => {
    const { view } = await openReady({ columns: 80, rows: 24 });
    await view.press(':');
    await view.press('regoins');
    const frame = await view.press(KEYS.enter, (text) =>
      text.includes('unknown command'),
    );
    expect(frame).toContain('unknown command :regoins, did you mean :regions?');
    view.unmount();
  });

  it('filters as you type, keeps the filter on Enter, and Esc clears it', async () => {
    const { view } = await openReady({ columns: 80, rows: 24 });
    await view.press('/');
    const filtered = await view.press('west', (frame) =>
      frame.includes('Regions (2/3)'),
    );
    expect(filtered).not.toMatch(/^ us-east-1 /m);
    expect(filtered).toMatch(/^ us-west-2 /m);
    const kept = await view.press(
      KEYS.enter,
      (frame) => !frame.includes('Enter keeps'),
    );
    expect(kept).toContain('filter west');
    const cleared = await view.press(KEYS.escape, (frame) =>
      frame.includes('Regions (3)'),
    );
    expect(cleared).toContain('eu-west-1');
    view.unmount();
  });

  it('restores the previous filter when the filter line is cancelled', async () => {
    const { view } = await openReady({ columns: 80, rows: 24 });
    await view.press('/');
    await view.press('west');
    await view.press(
      KEYS.enter,
      (frame) =>
        frame.includes('filter west') && !frame.includes('Enter keeps'),
    );
    // The line opens with the current filter, ready to edit.
    await view.press('/', (frame) => frame.includes('/west'));
    await view.press(KEYS.ctrlU, (frame) => frame.includes('Regions (3)'));
    // ! inverts: only us-east-1 has no "west".
    await view.press('!west', (frame) => frame.includes('(1/3)'));
    const restored = await view.press(KEYS.escape, (frame) =>
      frame.includes('(2/3)'),
    );
    expect(restored).toContain('filter west');
    view.unmount();
  });

  it('shows a filter error in place and keeps the rows', async () => {
    const { view } = await openReady({ columns: 80, rows: 24 });
    await view.press('/');
    const frame = await view.press('/([/', (text) =>
      text.includes('invalid regex'),
    );
    expect(frame).toContain('us-west-2');
    view.unmount();
  });

  it('opens the event log with ! and returns with Esc', async () => {
    const { view, deps } = await openReady({ columns: 80, rows: 24 });
    deps.events.record(
      'error',
      'ec2',
      'ec2:StopInstances failed: IncorrectInstanceState',
    );
    const log = await view.press('!', (frame) => frame.includes('Event log'));
    expect(log).toContain('ec2:StopInstances failed');
    await view.press(KEYS.escape, (frame) => frame.includes('Regions (3)'));
    view.unmount();
  });

  it('describes a row with d and goes back with Esc', async () => {
    const { view } = await openReady({ columns: 80, rows: 24 });
    await view.press('j');
    const detail = await view.press('d', (frame) =>
      frame.includes('(Esc back)'),
    );
    expect(detail).toContain('Regions: us-east-1');
    expect(detail).toContain('EC2 endpoint');
    view.unmount();
  });

  it('has a component for every pane in the catalog and nothing else', () => {
    expect([...PANE_NAMES].sort()).toEqual(
      PANES.map((pane) => pane.name).sort(),
    );
  });
});

describe('a wide terminal', () => {
  it('lays the help out in two columns and shows all of it', async () => {
    const { view } = await openReady({ columns: 200, rows: 56 });
    const help = await view.press('?', (frame) =>
      frame.includes('Help (Esc closes)'),
    );
    // No "1-46 of 57": everything fits.
    expect(lines(help)[1]?.trimEnd()).toBe('Help (Esc closes)');
    const row = lines(help).find((line) => line.startsWith('Everywhere')) ?? '';
    expect(row.trimEnd().length).toBeGreaterThan(100);
    expect(help).toContain('Filter grammar');
    expect(help).toContain('sort by column N; again reverses');
    view.unmount();
  });

  it('shows the whole ARN in the header', async () => {
    const { view } = await openReady({ columns: 200, rows: 50 });
    expect(lines(view.frame())[0]).toContain(
      'arn:aws:iam::111111111111:user/dev-ops',
    );
    view.unmount();
  });
});
