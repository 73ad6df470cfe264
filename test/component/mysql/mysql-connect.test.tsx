import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeMysql } from '../../helpers/fakes/fake-mysql.js';
import { KEYS } from '../../helpers/keys.js';
import { lines, type Size } from '../../helpers/render.js';
import { connectedPane, mysqlConfig } from './mysql-open.js';
import { UserError } from '../../../source/lib/errors.js';

/** As the SSH layer names a refused host key. */
class HostKeyError extends UserError {
  override readonly name = 'HostKeyError';
}

function fits(frame: string, size: Size = { columns: 80, rows: 24 }) {
  const all = lines(frame);
  expect(all.length).toBeLessThan(size.rows);
  for (const line of all) expect(line.length).toBeLessThanOrEqual(size.columns);
}

describe('MySQL pane: connecting at 80x24', () => {
  it('lists the profiles, asks the password masked, and lands on the databases', async () => {
    const mysql = createFakeMysql();
    const { view } = await openConsole({
      pane: 'mysql',
      config: mysqlConfig(),
      mysql,
    });
    const list = await view.waitFor((frame) =>
      frame.includes('db1.example.com'),
    );
    expect(list).toContain('MySQL: no connection');
    expect(list).toMatch(/ops@db1\.example\.com → root at 127\.0\.0\.1:3306/);
    fits(list);
    const prompt = await view.press(KEYS.enter, (frame) =>
      frame.includes('MySQL password'),
    );
    expect(prompt).toContain('never saved');
    const typed = await view.press('s3cret');
    expect(typed).not.toContain('s3cret');
    expect(typed).toContain('••••••');
    const databases = await view.press(KEYS.enter, (frame) =>
      frame.includes('Databases (2)'),
    );
    expect(databases).toMatch(/shop\s+2\s+32 KiB/);
    expect(databases).toContain('connected');
    expect(databases).toContain('MariaDB 10.11.6');
    expect(mysql.asked).toEqual(['password']);
    fits(databases);
  });

  it('shows the host key fingerprint with the focus on No, and refuses on No', async () => {
    const mysql = createFakeMysql();
    mysql.hostKey = {
      host: 'db1.example.com',
      port: 22,
      keyType: 'ssh-ed25519',
      fingerprintSha256: 'SHA256:abcDEF123',
      otherTypes: [],
    };
    const { view } = await openConsole({
      pane: 'mysql',
      config: mysqlConfig(),
      mysql,
    });
    await view.waitFor((frame) => frame.includes('db1.example.com'));
    const question = await view.press(KEYS.enter, (frame) =>
      frame.includes('SHA256:abcDEF123'),
    );
    expect(question).toContain('Unknown host key for db1.example.com');
    fits(question);
    // Enter presses the focused button: No.
    const refused = await view.press(KEYS.enter, (frame) =>
      frame.includes('not trusted'),
    );
    expect(refused).toContain('nothing was sent');
    expect(mysql.asked).toEqual(['host key: SHA256:abcDEF123']);
  });

  it('refuses a changed host key loudly, and says it never connected', async () => {
    const mysql = createFakeMysql();
    mysql.connectError = new HostKeyError(
      'HOST KEY CHANGED for db1.example.com: refusing to connect',
    );
    const { view } = await openConsole({
      pane: 'mysql',
      config: mysqlConfig(),
      mysql,
    });
    await view.waitFor((frame) => frame.includes('db1.example.com'));
    const frame = await view.press(KEYS.enter, (text) =>
      text.includes('HOST KEY CHANGED'),
    );
    expect(frame).toContain('refusing to connect');
    const header = lines(frame)[1] ?? '';
    expect(header).toContain('NOT CONNECTED: host key refused');
    expect(frame).not.toContain('DISCONNECTED');
    expect(frame).not.toContain('the next action reconnects');
    expect(frame).toContain('not connected: host key refused');
  });

  it('says disconnected in the header and reconnects on the next action', async () => {
    const { view, mysql } = await connectedPane();
    mysql.drop();
    const dropped = await view.waitFor((frame) =>
      frame.includes('DISCONNECTED'),
    );
    expect(lines(dropped)[1]).toContain('DISCONNECTED');
    const back = await view.press(
      KEYS.ctrlR,
      (frame) => !frame.includes('DISCONNECTED') && frame.includes('connected'),
    );
    expect(back).toContain('Databases (2)');
    // The password is kept in memory: not asked again.
    expect(mysql.asked).toEqual(['password']);
  });

  it('connects once to a typed user@host', async () => {
    const mysql = createFakeMysql();
    const { view } = await openConsole({ pane: 'mysql', mysql });
    await view.waitFor((frame) => frame.includes('no connection profiles'));
    await view.press('n', (frame) => frame.includes('Connect once'));
    await view.press('admin@10.0.0.9:2222');
    await view.press(KEYS.enter, (frame) => frame.includes('MySQL password'));
    await view.press('pw');
    const frame = await view.press(KEYS.enter, (text) =>
      text.includes('Databases (2)'),
    );
    expect(frame).toContain('via admin@10.0.0.9:2222');
  });

  it('lists the keys of every view in the help', async () => {
    const { view } = await connectedPane();
    const help = await view.press('?', (frame) => frame.includes('Help'));
    expect(help).toContain('This pane (mysql)');
    expect(help).toContain('MySQL: users and grants');
    let frame = help;
    for (
      let page = 0;
      page < 6 && !frame.includes('This pane: users');
      page++
    ) {
      frame = await view.press(KEYS.pageDown);
    }
    expect(frame).toContain('This pane: users');
    fits(frame);
  });
});
