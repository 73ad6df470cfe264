import { afterEach, describe, expect, it, vi } from 'vitest';

import { openConsole } from '../../helpers/console.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const SIZE = { columns: 80, rows: 24 };

/** A config problem long enough that its useful end falls past column 80. */
const PROBLEM =
  'config.yaml line 12: profiles.prod-eu.readOnly must be true or false, not "yes please"; the profile is left out';
const TAIL = 'writes are blocked until it is fixed';

/** The words of a message as they appear on screen, whatever the wrapping. */
function words(frame: string): string {
  return lines(frame)
    .map((line) => line.replace(/^[ ✖⚠ℹ!]+/u, '').trim())
    .join(' ');
}

function expectWithinScreen(frames: readonly string[]) {
  for (const frame of frames) {
    const frameLines = lines(frame);
    expect(frameLines.length).toBeLessThan(SIZE.rows);
    for (const line of frameLines)
      expect(line.length).toBeLessThanOrEqual(SIZE.columns);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('status messages at 80 columns', () => {
  it('wraps a long error instead of cutting it, and keeps the frame within the screen', async () => {
    const { view } = await openConsole({
      size: SIZE,
      configProblems: [PROBLEM],
    });
    const frame = await view.waitFor(
      (text) => text.includes('Regions (3)') && text.includes('blocked'),
      'the regions and the config error',
    );
    expect(words(frame)).toContain(`${PROBLEM}; ${TAIL}`);
    expectWithinScreen(view.frames());
    // The second row comes from the table, not from beyond the screen.
    expect(lines(frame).length).toBe(SIZE.rows - 1);
    view.unmount();
  });

  it('shows a long warning on two lines', async () => {
    const { view } = await openConsole({ size: SIZE });
    await view.waitFor((text) => text.includes('Regions (3)'));
    const typed =
      'regions-instances-volumes-snapshots-eips-buckets-mysql-uploads';
    await view.press(':');
    await view.press(typed);
    const frame = await view.press(KEYS.enter, (text) =>
      text.includes('unknown command'),
    );
    const message = `unknown command :${typed}`;
    expect(message.length + 2).toBeGreaterThan(SIZE.columns);
    expect(words(frame)).toContain(message);
    expectWithinScreen(view.frames());
    view.unmount();
  });

  it('cuts what does not fit in four lines, points at the log, and ! shows the whole text', async () => {
    const long = Array.from({ length: 60 }, (_, index) => `part${index}`).join(
      ' ',
    );
    const { view } = await openConsole({
      size: SIZE,
      configProblems: [`${long} end-of-the-message`],
    });
    const frame = await view.waitFor((text) => text.includes('part0'));
    expect(frame).toContain('! shows all');
    expect(frame).not.toContain('end-of-the-message');
    expectWithinScreen(view.frames());
    await view.press('!', (text) => text.includes('Event log'));
    const detail = await view.press(KEYS.enter, (text) =>
      text.includes('(Esc back)'),
    );
    expect(words(detail)).toContain('end-of-the-message');
    view.unmount();
  });
});

describe('how long a message stays', () => {
  it('keeps an error past any timeout, until the next key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout'] });
    const { view } = await openConsole({
      size: SIZE,
      configProblems: [PROBLEM],
    });
    await view.waitFor((text) => text.includes('blocked'));
    vi.advanceTimersByTime(60_000);
    await view.waitFor((text) => text.includes('Regions (3)'));
    expect(view.frame()).toContain('blocked');
    // The key does its own work too: j moves the cursor.
    await view.press('j', (text) => !text.includes('blocked'));
    view.unmount();
  });

  it('keeps a notice through keys until it times out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout'] });
    const { view } = await openConsole({ size: SIZE });
    await view.waitFor((text) => text.includes('Regions (3)'));
    await view.press('/');
    await view.press(KEYS.escape);
    await view.press('?', (text) => text.includes('Help'));
    await view.press('/', (text) => text.includes('nothing to filter here'));
    await view.press('j');
    expect(view.frame()).toContain('nothing to filter here');
    vi.advanceTimersByTime(10_000);
    await view.waitFor(
      (text) => !text.includes('nothing to filter here'),
      'the notice to time out',
    );
    view.unmount();
  });
});
