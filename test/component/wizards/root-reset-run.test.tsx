/** The reset wizard's run and result screens: live steps, stop, failure, lost link, read-only, an earlier run. */
import { describe, expect, it } from 'vitest';
import { createFakeRootReset } from '../../helpers/fakes/fake-root-reset.js';
import { KEYS } from '../../helpers/keys.js';
import {
  expectFits,
  openReset,
  toPlan,
  toServer,
} from '../../helpers/root-reset-console.js';
import type { Rendered } from '../../helpers/render.js';

async function confirmRun(view: Rendered, until: (text: string) => boolean) {
  await view.press(KEYS.enter, (text) => text.includes('Reset the password'));
  return view.press('y', until);
}

describe('root-password reset wizard: running', () => {
  it('shows the plan in read-only mode and refuses to run it', async () => {
    const { view, engine } = await openReset({ readOnly: true });
    await toServer(view);
    const plan = await toPlan(view);
    expectFits(plan);
    expect(plan).toContain('Read-only (started with --read-only)');
    expect(plan).toContain('1. Check the server and the host');
    const refused = await view.press(KEYS.enter, (text) =>
      text.includes('read-only: the root password reset was not started'),
    );
    expect(refused).not.toContain('Reset the password of');
    expect(engine.passwords).toEqual([]);
  });

  it('shows the live steps and output, and Esc asks before stopping the script', async () => {
    const engine = createFakeRootReset();
    engine.hold = true;
    const { view } = await openReset({ engine });
    await toServer(view);
    await toPlan(view);
    const running = await confirmRun(view, (text) =>
      text.includes('Step 4/5: Run'),
    );
    expectFits(running);
    expect(running).toContain('✓ Check the server and the host');
    expect(running).toMatch(/ {2}Write the init file/);
    expect(running).toContain('Remote output');
    expect(running).toContain('Check the server and the host: ok');
    expect(running).toMatch(/reset root db1/);

    const ask = await view.press(KEYS.escape, (text) =>
      text.includes('Stop the reset on'),
    );
    expectFits(ask);
    expect(ask).toContain('its trap restores the server');
    await view.press('y');
    await view.press(':');
    await view.press('reset-root');
    const stopped = await view.press(KEYS.enter, (text) =>
      text.includes('Step 5/5'),
    );
    expectFits(stopped);
    expect(engine.calls).toContain('cancel /run/opsdeck-reset.Ab12Cd34');
    expect(stopped).toContain(
      'Stopped at your request during "Write the init file',
    );
    expect(stopped).toContain('Server        running normally');
    expect(stopped).toContain(
      'Password      unchanged: the old password still applies',
    );
  });

  it('reports a failure: the step, the remote error, the state of the server', async () => {
    const engine = createFakeRootReset();
    engine.ending = 'fail';
    const { view } = await openReset({ engine });
    await toServer(view);
    await toPlan(view);
    const failed = await confirmRun(view, (text) => text.includes('Step 5/5'));
    expectFits(failed);
    expect(failed).toContain(
      '✕ The reset failed at "Write the init file (server user only)"',
    );
    expect(failed).toContain(
      'Remote error  the stop command failed: lab fault: stop refused',
    );
    expect(failed).toContain('Server        running normally');
    expect(failed).toContain(
      'Password      unchanged: the old password still applies',
    );
    expect(failed).toContain('Left files    none');
    expect(failed).toContain('✕ Write the init file');
  });

  it('says a lost link leaves the run going on the host, and how to see its end', async () => {
    const engine = createFakeRootReset();
    engine.ending = 'lost';
    const { view } = await openReset({ engine });
    await toServer(view);
    await toPlan(view);
    const lost = await confirmRun(view, (text) => text.includes('Step 5/5'));
    expectFits(lost);
    expect(lost).toContain("lost the reset's progress: the SSH link dropped");
    expect(lost).toContain('it goes on detached on the host');
    expect(lost).toContain('/run/opsdeck-reset.Ab12Cd34');
    expect(lost).toContain('n, then the same connection');
  });

  it('follows an earlier run to its end before a new one, then looks at the server again', async () => {
    const engine = createFakeRootReset();
    engine.detection = {
      ...engine.detection,
      leftover: '/run/opsdeck-reset.Zz98Yy76',
    };
    const { view } = await openReset({ engine });
    const server = await toServer(view);
    expectFits(server);
    expect(server).toContain('An earlier reset on this server lost its link');
    expect(server).toContain('l follows the earlier run to its end first.');
    const read = await view.press('l', (text) =>
      text.includes('Earlier run /run/opsdeck-reset.Zz98Yy76 ended:'),
    );
    expectFits(read);
    expect(read).toContain('✓ The password was changed.');
    expect(read).toContain('Its directory was removed.');
    expect(engine.calls).toContain('leftover /run/opsdeck-reset.Zz98Yy76');
    expect(engine.calls.filter((call) => call === 'detect')).toHaveLength(2);
    expect(read).toContain('Enter: choose the options');
  });

  it('does not follow (and remove) an earlier run in read-only mode', async () => {
    const engine = createFakeRootReset();
    engine.detection = {
      ...engine.detection,
      leftover: '/run/opsdeck-reset.Zz98Yy76',
    };
    const { view } = await openReset({ engine, readOnly: true });
    await toServer(view);
    const refused = await view.press('l', (text) =>
      text.includes('read-only: the earlier run was not followed'),
    );
    expectFits(refused);
    expect(refused).not.toContain(
      'Earlier run /run/opsdeck-reset.Zz98Yy76 ended:',
    );
    expect(engine.calls).not.toContain('leftover /run/opsdeck-reset.Zz98Yy76');
  });
});
