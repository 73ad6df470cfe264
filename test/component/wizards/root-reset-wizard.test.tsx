/** The root-password reset wizard's screens at 80x24, on a fake engine: no network. */
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../helpers/keys.js';
import {
  expectFits,
  openReset,
  toPlan,
  toServer,
} from '../../helpers/root-reset-console.js';

describe('root-password reset wizard', () => {
  it('walks from the connection picker to a finished reset, every screen at 80x24', async () => {
    const { view, engine } = await openReset();
    const first = await view.waitFor((text) =>
      text.includes('Step 1/5: Connection'),
    );
    expectFits(first);
    expect(first).toContain('Enter picks the MySQL connection');
    const picker = await view.press(KEYS.enter, (text) =>
      text.includes('on which connection?'),
    );
    expect(picker).toMatch(/db1\s+ops@db1\.example\.com, own stop\/start/);
    expect(picker).toMatch(/db2\s+ops@db2\.example\.com/);
    const server = await view.press(KEYS.enter, (text) =>
      text.includes('Step 2/5: Server'),
    );
    expectFits(server);
    expect(server).toContain(
      'Host          ops@db1.example.com:22, as root via sudo (SSH user ops)',
    );
    expect(server).toContain('Server        MariaDB 10.11.6, pid 4242');
    // A long value wraps under itself rather than being cut.
    expect(server).toMatch(
      /Managed by {4}the profile's commands: stop \/opt\/db\/stop-mariadb\.sh; start\n {14}\/opt\/db\/start-mariadb\.sh/,
    );
    expect(server).toContain(
      'Runtime dir   /run/mysqld (the init file goes here)',
    );
    expect(server).toContain('Way in        none found');
    expect(engine.calls.filter((call) => call !== 'connect')).toEqual([
      'detect',
    ]);

    const options = await view.press(KEYS.enter, (text) =>
      text.includes('Reset options for'),
    );
    expectFits(options);
    // No way in without a restart: the init file first, the fallback offered.
    expect(options).toContain('< init file >');
    expect(options).not.toContain('no restart');
    const fallback = await view.press(KEYS.right, (text) =>
      text.includes('< skip grant tables (fallback) >'),
    );
    expect(fallback).toContain('< skip grant tables (fallback) >');
    await view.press(KEYS.left, (text) => text.includes('< init file >'));
    const password = await view.press(KEYS.enter, (text) =>
      text.includes('New password for root@localhost'),
    );
    expectFits(password);
    expect(password).toContain('kept in memory for this run only');

    const plan = await toPlan(view, 'N3w-Pa55word!', false);
    expectFits(plan);
    expect(plan).toContain('Method        restart with an init file');
    expect(plan).toContain('Account       root@localhost');
    expect(plan).toContain('New password  ******** (typed twice)');
    expect(plan).toContain('▲ The server restarts twice');
    expect(plan).toContain('clients of MariaDB at db1.example.com:3306');
    expect(plan).not.toContain('clients of ops@db1.example.com:22');
    expect(plan).toContain('Socket login  kept if the account has it');
    expect(plan).toMatch(
      /Plan on ops@db1\.example\.com:22 \(MariaDB 10\.11\.6\): \d+ steps/,
    );
    expect(plan).toContain('1. Check the server and the host');
    expect(plan).not.toContain('N3w-Pa55word!');

    const dialog = await view.press(KEYS.enter, (text) =>
      text.includes('Reset the password of root@localhost'),
    );
    expectFits(dialog);
    // The focus is on No: Enter alone declines and runs nothing.
    await view.press(KEYS.enter, (text) => text.includes('Step 3/5: Plan'));
    expect(engine.passwords).toEqual([]);
    await view.press(KEYS.enter, (text) => text.includes('Reset the password'));
    const done = await view.press('y', (text) => text.includes('Step 5/5'));
    expectFits(done);
    expect(done).toContain('✓ The password was changed.');
    expect(done).toContain('Server        running normally');
    expect(done).toContain(
      'Login check   ✓ logged in through the tunnel as root@localhost',
    );
    expect(done).toContain('Socket login  kept');
    expect(done).not.toMatch(/old password (no longer|does not)/);
    expect(done).toContain('✓ Check logins and TCP');
    expect(engine.calls).toContain('run init-file root@localhost');
    expect(engine.passwords).toEqual(['N3w-Pa55word!']);
  });

  it('refuses an empty password and a mismatch in place, then takes quotes, backslash, $ and é exactly', async () => {
    const { view, engine } = await openReset();
    await toServer(view);
    await view.press(KEYS.enter, (text) => text.includes('Reset options for'));
    await view.press(KEYS.enter, (text) => text.includes('New password for'));
    const empty = await view.press(KEYS.enter, (text) =>
      text.includes('the new password is empty'),
    );
    expectFits(empty);
    expect(empty).toContain('New password for');

    const tricky = `it's "q" \\ $HOME é`;
    const typed = await view.press(tricky, (text) =>
      text.includes('strength:'),
    );
    expect(typed).not.toContain(tricky);
    expect(typed).toContain('strength: strong');
    // 18 characters typed, 18 bullets: nothing was dropped or doubled.
    expect(typed).toContain(`New password  ${'•'.repeat(18)}`);
    await view.press(KEYS.tab);
    const mismatch = await view.press(`${tricky}x`, (text) =>
      text.includes('the two passwords differ'),
    );
    expectFits(mismatch);
    // Enter does not submit a mismatch: the form stays, with its message.
    // Enter alone changes nothing on screen, so a key typed after it shows
    // where the keyboard went: still the second field of the form.
    view.raw.stdin.write(KEYS.enter);
    const stayed = await view.press('z', (text) =>
      text.includes('•'.repeat(20)),
    );
    expect(stayed).toContain('✕ the two passwords differ');
    expect(stayed).toContain('New password for');
    await view.press(KEYS.backspace);
    await view.press(KEYS.backspace);
    const plan = await view.press(KEYS.enter, (text) =>
      text.includes('Step 3/5: Plan'),
    );
    expect(plan).not.toContain('$HOME');
    await view.press(KEYS.enter, (text) => text.includes('Reset the password'));
    await view.press('y', (text) => text.includes('Step 5/5'));
    expect(engine.passwords).toEqual([tricky]);
  });

  it('offers no restart when a way in was found, and keeps socket login on MariaDB unless told', async () => {
    const { view, engine } = await openReset();
    engine.detection = { ...engine.detection, access: { kind: 'socket-root' } };
    const server = await toServer(view);
    expect(server).toContain('Way in        root over the socket as OS root');
    const options = await view.press(KEYS.enter, (text) =>
      text.includes('Reset options for'),
    );
    expect(options).toContain('< no restart >');
    expect(options).toContain('[x]');
    // Method, user, host, then the socket switch: off.
    await view.press(KEYS.tab);
    await view.press(KEYS.tab);
    await view.press(KEYS.tab);
    await view.press(KEYS.space, (text) => text.includes('[ ]'));
    await view.press(KEYS.enter, (text) => text.includes('New password for'));
    await view.press('pw');
    await view.press(KEYS.tab);
    await view.press('pw');
    const plan = await view.press(KEYS.enter, (text) =>
      text.includes('Step 3/5: Plan'),
    );
    expectFits(plan);
    expect(plan).toContain('Method        no restart (a way in was found)');
    expect(plan).toContain('Socket login  removed from the account');
    expect(plan).toContain('Socket login is removed from the account');
    await view.press(KEYS.enter, (text) => text.includes('Reset the password'));
    await view.press('y', (text) => text.includes('Step 5/5'));
    expect(engine.calls).toContain('run session root@localhost');
  });
});
