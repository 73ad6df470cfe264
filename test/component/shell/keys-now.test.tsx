/**
 * The footer and the help offer only the keys that do something now: a view
 * whose keys depend on its state says which apply (useKeysNow). A finished
 * region copy and an ended root reset do not offer the steps before them;
 * a form's path field does not claim "Tab next".
 */
import { describe, expect, it } from 'vitest';
import { openOnVolumes, toOptions } from '../../helpers/ebs-copy-console.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeS3 } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';
import { lines, type Rendered } from '../../helpers/render.js';
import {
  openReset,
  toPlan,
  toServer,
} from '../../helpers/root-reset-console.js';

/** The shell's footer: the frame's last line with text. */
function footer(frame: string): string {
  return (
    lines(frame)
      .filter((line) => line.trim() !== '')
      .at(-1) ?? ''
  );
}

async function helpOf(view: Rendered): Promise<string> {
  const help = await view.press('?', (frame) => frame.includes('Help'));
  await view.press(KEYS.escape, (frame) => !frame.includes('Help (Esc'));
  return help;
}

describe('keys that apply now', () => {
  it('a finished region copy offers clean-up and a new copy, not next, source or target', async () => {
    const { view } = await openOnVolumes();
    await toOptions(view);
    // Before the run the choices are offered.
    expect(footer(view.frame())).toMatch(/Enter next .*s source .*t target/);
    await view.press(KEYS.enter, (text) => text.includes('Step 5/6'));
    await view.press(KEYS.enter, (text) => text.includes('Start copy'));
    await view.press('y', (text) => !text.includes('Start copy'));
    const finished = await view.waitFor((text) => text.includes('Finished'));
    const keys = footer(finished);
    expect(keys).toContain('x clean up');
    expect(keys).toContain('n new copy');
    expect(keys).not.toMatch(/Enter next|s source|t target|o options/);
    // Help lists them apart, so nothing is hidden from it.
    const help = await helpOf(view);
    const at = (text: string) => help.indexOf(text);
    expect(at('This pane (ebs-copy)')).toBeGreaterThanOrEqual(0);
    expect(at('This pane, not at this step')).toBeGreaterThan(
      at('This pane (ebs-copy)'),
    );
    expect(at('start over with a new copy')).toBeLessThan(
      at('This pane, not at this step'),
    );
    expect(at('choose another target region')).toBeGreaterThan(
      at('This pane, not at this step'),
    );
  });

  it('an ended root reset offers starting over, not options or the password', async () => {
    const { view } = await openReset();
    await toServer(view);
    await toPlan(view);
    expect(footer(view.frame())).toMatch(/o options .*p password/);
    await view.press(KEYS.enter, (text) => text.includes('Reset the password'));
    const ended = await view.press('y', (text) => text.includes('Step 5/5'));
    const keys = footer(ended);
    expect(keys).toContain('n start over');
    expect(keys).not.toMatch(/Enter next|o options|p password/);
  });

  it('says Tab next under a form only where Tab moves to the next field', async () => {
    const { view } = await openConsole({ pane: 'buckets', s3: createFakeS3() });
    await view.waitFor((frame) => frame.includes('Buckets (2)'), 'buckets');
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('acme-logs');
    await view.press(KEYS.enter, (frame) => frame.includes('acme-logs'));
    // The sync form opens on its directory field, where Tab completes.
    const form = await view.press('s', (frame) =>
      frame.includes('Tab completes, then next field'),
    );
    expect(footer(form)).not.toContain('Tab next');
    expect(footer(form)).toContain('Esc cancel');
    const moved = await view.press(KEYS.down, (frame) =>
      frame.includes('Tab next field'),
    );
    expect(footer(moved)).toContain('Tab next');
  });
});
