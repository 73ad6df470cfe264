/**
 * The MySQL pane in a real terminal on a lab of its own (--demo): connect to
 * the lab's MariaDB through the lab's sshd with the demo's profile, create a
 * user, grant it privileges from the checklist, read the grants back, and
 * check them by asking MariaDB directly. Quitting with the tunnel open exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { LAB_MYSQL } from '../../source/lab/seed/seed-mysql.js';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { runInPty, type PtyScreen } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const mariadb = labPart('mariadb');
const sshd = labPart('sshd');
const missing = moto.missing || mariadb.missing || sshd.missing;

async function demoMariadbPort(app: PtyScreen): Promise<number> {
  app.type(':whoami\r');
  const whoami = await app.waitFor(
    (screen) => /mariadb\s+127\.0\.0\.1:\d+/.test(screen),
    'the lab summary',
  );
  const port = /mariadb\s+127\.0\.0\.1:(\d+)/.exec(whoami)?.[1];
  app.type('\u001b');
  return Number(port);
}

describe.skipIf(missing !== '')(`MySQL pane in a terminal${missing}`, () => {
  it('creates a user with a grant through the tunnel and reads it back', async () => {
    // A home of its own: no ~/.ssh of the person running the tests is read or written.
    const home = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-mysql-'));
    const app = runInPty(
      process.execPath,
      [builtCli(), '--demo', '--pane', 'mysql'],
      {
        columns: 80,
        rows: 24,
        env: { HOME: home, SSH_AUTH_SOCK: '' },
      },
    );
    try {
      await app.waitFor(
        (screen) => /lab\s+\S+@127\.0\.0\.1/.test(screen),
        'the lab profile',
        60_000,
      );
      const port = await demoMariadbPort(app);
      await app.waitFor(
        (screen) => screen.includes('Connections'),
        'the pane again',
      );

      app.type('\r');
      await app.waitFor(
        (screen) => screen.includes('MySQL password'),
        'the password prompt',
      );
      app.type(`${LAB_MYSQL.rootPassword}\r`);
      const databases = await app.waitFor(
        (screen) => /shop\s+\d+/.test(screen),
        'the databases',
        30_000,
      );
      expect(databases).toMatch(/shop\s+\d+/);
      expect(databases).toContain('connected');
      expect(databases).not.toContain(LAB_MYSQL.rootPassword);

      app.type('U');
      await app.waitFor((screen) => /root@localhost/.test(screen), 'the users');
      app.type('n');
      await app.waitFor(
        (screen) => screen.includes('Create a user'),
        'the create form',
      );
      // User, then Host: → from localhost to %.
      app.type('e2e_user\t');
      // The Host field's hint shows once it has the focus.
      await app.waitFor(
        (screen) => screen.includes('←/→: localhost'),
        'the focus on Host',
      );
      app.type('\u001b[C');
      await app.waitFor((screen) => screen.includes('< % >'), 'host %');
      app.type('\t\tpw-e2e-1\tpw-e2e-1\r');
      await app.waitFor(
        (screen) => screen.includes('Create user e2e_user@%'),
        'the confirmation',
      );
      app.type('y');
      await app.waitFor(
        (screen) => screen.includes('create user e2e_user@%: done'),
        'the user created',
      );

      app.type('/e2e_user\r');
      await app.waitFor(
        (screen) => /Users \(1\/\d+/.test(screen),
        'the new user alone',
      );
      app.type('a');
      await app.waitFor(
        (screen) => screen.includes('Grant privileges to e2e_user@%'),
        'the grant form',
      );
      // Database: inventory → shop.
      app.type('\u001b[C');
      await app.waitFor(
        (screen) => screen.includes('< shop >'),
        'database shop',
      );
      app.type('\r');
      await app.waitFor(
        (screen) => screen.includes('[ ] SELECT'),
        'the checklist',
      );
      app.type(' \u001b[B ');
      await app.waitFor(
        (screen) => screen.includes('[x] INSERT'),
        'two ticked',
      );
      app.type('\r');
      await app.waitFor(
        (screen) => screen.includes('Grant on shop.*'),
        'the grant confirmation',
      );
      app.type('y');
      await app.waitFor(
        (screen) => screen.includes('grant SELECT, INSERT on shop.*: done'),
        'the grant done',
      );

      app.type('\r');
      const grants = await app.waitFor(
        (screen) => screen.includes('SHOW GRANTS'),
        'the grants',
      );
      expect(grants).toMatch(
        /GRANT SELECT, INSERT ON `shop`\.\* TO `e2e_user`@`%`/,
      );

      // MariaDB itself says the same.
      const direct = await createConnection({
        host: '127.0.0.1',
        port,
        user: 'root',
        password: LAB_MYSQL.rootPassword,
      });
      try {
        const [rows] = await direct.query("SHOW GRANTS FOR 'e2e_user'@'%'");
        const lines = (rows as Record<string, string>[]).map(
          (row) => Object.values(row)[0] ?? '',
        );
        expect(lines).toContain(
          'GRANT SELECT, INSERT ON `shop`.* TO `e2e_user`@`%`',
        );
        expect(
          lines.some((line) => line.includes('IDENTIFIED BY PASSWORD')),
        ).toBe(true);
      } finally {
        await direct.end();
      }

      // Quitting with the tunnel open ends the process.
      app.type('\u001bq');
      expect(
        await Promise.race([
          app.exited,
          new Promise((resolve) =>
            setTimeout(() => resolve('still running'), 20_000),
          ),
        ]),
      ).toBe(0);
    } finally {
      app.kill();
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
