import { describe, expect, it } from 'vitest';

import { openConsole } from '../../helpers/console.js';

import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

/** Frames whose header names `label` but show a row or an account of another session. */
function staleFrames(
  frames: string[],
  label: string,
  foreign: RegExp,
): string[] {
  return frames.filter(
    (frame) => (lines(frame)[0] ?? '').includes(label) && foreign.test(frame),
  );
}

describe('switching profile and region', () => {
  it('never shows the old account or its rows under the new profile', async () => {
    // The new session answers slowly, so there are frames between the switch and its data.
    const { view, deps } = await openConsole({
      regionDelayMs: (settings) => (settings.profile === 'prod' ? 80 : 0),
    });
    await view.waitFor(
      (frame) =>
        frame.includes('111111111111') && frame.includes('dev@us-east-1'),
    );
    await view.press(':');
    await view.press('profile prod');
    await view.press(
      KEYS.enter,
      (frame) =>
        frame.includes('222222222222') && frame.includes('prod@eu-west-1'),
    );
    expect(staleFrames(view.frames(), '│ prod │', /111111111111|dev@/)).toEqual(
      [],
    );
    // The new session took the profile's region, and the old one was closed.
    expect(lines(view.frame())[0]).toContain('eu-west-1');
    expect(deps.closed).toEqual([deps.sessions[0]?.id]);
    view.unmount();
  });

  it('never shows rows of the old region under the new one, and switches from the pane with Enter', async () => {
    const { view } = await openConsole({
      regionDelayMs: (settings) => (settings.region === 'us-west-2' ? 80 : 0),
    });
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    await view.press('G');
    await view.press(KEYS.enter, (frame) => frame.includes('dev@us-west-2'));
    expect(staleFrames(view.frames(), 'us-west-2', /dev@us-east-1/)).toEqual(
      [],
    );
    expect(view.frame()).toContain('region us-west-2');
    view.unmount();
  });

  it("aborts the old session's fetch in flight", async () => {
    const { view, deps } = await openConsole({
      regionDelayMs: (settings) =>
        settings.region === 'us-east-1' ? 10_000 : 0,
    });
    await view.waitFor((frame) => frame.includes('loading'));
    expect(deps.inFlight.count()).toBe(1);
    await view.press(':');
    await view.press('region eu-west-1');
    await view.press(KEYS.enter, (frame) => frame.includes('dev@eu-west-1'));
    expect(deps.inFlight.count()).toBe(0);
    view.unmount();
  });

  it('refuses a profile that is not configured, and a malformed region, without switching', async () => {
    const { view, deps } = await openConsole();
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    await view.press(':');
    await view.press('profile nosuch');
    const profile = await view.press(KEYS.enter, (frame) =>
      frame.includes('no profile nosuch'),
    );
    expect(lines(profile)[0]).toContain('│ dev │');
    await view.press(':');
    await view.press('region mars-1');
    const region = await view.press(KEYS.enter, (frame) =>
      frame.includes('not a region code'),
    );
    expect(lines(region)[0]).toContain('us-east-1');
    expect(deps.sessions).toHaveLength(1);
    view.unmount();
  });
});
