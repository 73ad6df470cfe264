/** Connecting the reset wizard: host key, sudo password, a host without a server, opening from the MySQL pane. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../source/lib/errors.js';
import { createFakeRootReset } from '../../helpers/fakes/fake-root-reset.js';
import { KEYS } from '../../helpers/keys.js';
import { expectFits, openReset } from '../../helpers/root-reset-console.js';

describe('root-password reset wizard: connecting', () => {
  it('asks about an unknown host key with the focus on No, and touches nothing on No', async () => {
    const engine = createFakeRootReset();
    engine.hostKey = {
      host: 'db1.example.com',
      port: 22,
      keyType: 'ssh-ed25519',
      fingerprintSha256: 'SHA256:abcDEF123',
      otherTypes: [],
    };
    const { view } = await openReset({ engine });
    await view.waitFor((text) => text.includes('Step 1/5'));
    await view.press(KEYS.enter, (text) =>
      text.includes('on which connection?'),
    );
    const question = await view.press(KEYS.enter, (text) =>
      text.includes('Unknown host key for db1.example.com'),
    );
    expectFits(question);
    expect(question).toContain('ssh-ed25519 SHA256:abcDEF123');
    const refused = await view.press(KEYS.enter, (text) =>
      text.includes('not trusted'),
    );
    expectFits(refused);
    expect(refused).toContain('host key of db1.example.com not trusted');
    expect(refused).toContain('Nothing was changed. Enter tries again');
    expect(engine.calls).toEqual([]);
    // Enter tries again; yes trusts it and detection goes on.
    await view.press(KEYS.enter, (text) => text.includes('Unknown host key'));
    const server = await view.press('y', (text) => text.includes('Step 2/5'));
    expect(server).toContain('MariaDB 10.11.6');
  });

  it('asks the sudo password masked and hands it to detection only', async () => {
    const engine = createFakeRootReset();
    engine.sudoNeeded = true;
    const { view, deps } = await openReset({ engine });
    await view.waitFor((text) => text.includes('Step 1/5'));
    await view.press(KEYS.enter, (text) =>
      text.includes('on which connection?'),
    );
    const form = await view.press(KEYS.enter, (text) =>
      text.includes('sudo password on ops@db1.example.com:22'),
    );
    expectFits(form);
    const typed = await view.press('s3cr3t $udo', (text) =>
      text.includes('•••'),
    );
    expect(typed).not.toContain('s3cr3t');
    await view.press(KEYS.enter, (text) => text.includes('Step 2/5'));
    expect(engine.sudoPasswords).toEqual(['s3cr3t $udo']);
    const logged = deps.events
      .getSnapshot()
      .map((entry) => entry.message)
      .join('\n');
    expect(logged).not.toContain('s3cr3t');
  });

  it('says in place that a host has no server, with its hint, and changes nothing', async () => {
    const engine = createFakeRootReset();
    engine.detectError = new UserError(
      'no MySQL or MariaDB server on ops@db2.example.com:22',
      { hint: 'start it first, or pick the host it runs on' },
    );
    const { view } = await openReset({ engine });
    await view.waitFor((text) => text.includes('Step 1/5'));
    await view.press(KEYS.enter, (text) =>
      text.includes('on which connection?'),
    );
    await view.press(KEYS.down);
    const failed = await view.press(KEYS.enter, (text) =>
      text.includes('no MySQL or MariaDB server'),
    );
    expectFits(failed);
    expect(failed).toContain('Step 1/5: Connection');
    expect(failed).toContain(
      '✕ no MySQL or MariaDB server on ops@db2.example.com:22',
    );
    expect(failed).toContain('start it first, or pick the host it runs on');
    expect(failed).toContain('Nothing was changed.');
    expect(engine.calls.some((call) => call.startsWith('run'))).toBe(false);
  });

  it('opens on the connection under the cursor from the MySQL pane (P)', async () => {
    const { view, engine } = await openReset({ pane: 'mysql' });
    await view.waitFor((text) => text.includes('db1.example.com'), 'profiles');
    await view.press(KEYS.down);
    const server = await view.press('P', (text) => text.includes('Step 2/5'));
    expectFits(server);
    expect(server).toContain('Reset MySQL root password');
    expect(engine.calls).toContain('detect');
    // Starting over closes the wizard's SSH session.
    await view.press('n', (text) => text.includes('Step 1/5'));
    await view.waitFor(() => engine.calls.includes('close'), 'the close');
  });

  it('is reached by name and alias from the command line', async () => {
    const { view } = await openReset({ pane: 'regions' });
    await view.press(':');
    await view.press('root-reset');
    const wizard = await view.press(KEYS.enter, (text) =>
      text.includes('Step 1/5: Connection'),
    );
    expectFits(wizard);
    expect(wizard).toContain('Resets a lost MySQL or MariaDB root password');
  });
});
