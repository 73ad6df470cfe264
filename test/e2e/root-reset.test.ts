/**
 * The root-password reset wizard in a real terminal on a lab of its own
 * (--demo): pick the lab-reset connection (a private MariaDB under its own
 * stop/start scripts, behind the lab's sshd), read the detection, take the
 * init-file plan, type a new password twice, confirm, wait for the result,
 * and check by asking MariaDB directly that the new password logs in and the
 * old one no longer does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_MYSQL } from '../../source/lab/seed/seed-mysql.js';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { rootOverTcp } from '../helpers/mysql-login.js';
import { runInPty } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const mariadb = labPart('mariadb');
const sshd = labPart('sshd');
const missing = moto.missing || mariadb.missing || sshd.missing;

describe.skipIf(missing !== '')(
  `root-password reset wizard in a terminal${missing}`,
  () => {
    it('resets the lab-reset MariaDB by the init file; the new password logs in, the old does not', async () => {
      const home = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-reset-'));
      const app = runInPty(
        process.execPath,
        [builtCli(), '--demo', '--pane', 'reset-root'],
        {
          columns: 80,
          rows: 24,
          env: { HOME: home, SSH_AUTH_SOCK: '' },
        },
      );
      // Quotes, backslash, $, spaces and an accent, exactly as typed.
      const password = `e2e'new "pw" \\ $HOME é`;
      try {
        await app.waitFor(
          (screen) => screen.includes('Step 1/5: Connection'),
          'the wizard',
          60_000,
        );
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('on which connection?'),
          'the connection picker',
        );
        app.type('/lab-reset');
        await app.waitFor(
          (screen) => /lab-reset .*own stop\/start/.test(screen),
          'lab-reset alone',
        );
        app.type('\r');
        const server = await app.waitFor(
          (screen) => screen.includes('Way in'),
          'the detection summary',
          30_000,
        );
        expect(server).toContain('Step 2/5: Server');
        expect(server).toMatch(/Server {8}MariaDB \d+\.\d+\.\d+/);
        expect(server).toMatch(/Managed by {4}the profile's commands/);
        const port = Number(/Port {10}(\d+)/.exec(server)?.[1]);
        expect(port).toBeGreaterThan(0);
        expect(await rootOverTcp(port, LAB_MYSQL.rootPassword)).toBe(true);

        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('< init file >'),
          'the options with the init file',
        );
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('New password for root@localhost'),
          'the password form',
        );
        app.type(password);
        await app.waitFor(
          (screen) => screen.includes('•'.repeat(password.length)),
          'the password typed',
        );
        app.type('\t');
        app.type(password);
        await app.waitFor(
          (screen) => screen.split('•'.repeat(password.length)).length === 3,
          'the confirmation typed',
        );
        app.type('\r');
        const plan = await app.waitFor(
          (screen) => screen.includes('Step 3/5: Plan'),
          'the plan',
        );
        expect(plan).toContain('Method        restart with an init file');
        expect(plan).not.toContain('$HOME');
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('Reset the password of root@localhost'),
          'the confirmation',
        );
        app.type('y');
        const result = await app.waitFor(
          (screen) => screen.includes('Step 5/5: Result'),
          'the result',
          120_000,
        );
        expect(result).toContain('✓ The password was changed.');
        expect(result).toContain('Server        running normally');
        expect(result).toContain(
          '✓ logged in through the tunnel as root@localhost',
        );
        expect(result).not.toContain(password);

        // MariaDB itself: the new password works, the old one no longer does.
        expect(await rootOverTcp(port, password)).toBe(true);
        expect(await rootOverTcp(port, LAB_MYSQL.rootPassword)).toBe(false);

        app.type('q');
        expect(
          await Promise.race([
            app.exited,
            new Promise((resolve) =>
              setTimeout(() => resolve('still running'), 30_000),
            ),
          ]),
        ).toBe(0);
      } finally {
        app.kill();
        rmSync(home, { recursive: true, force: true });
      }
    }, 240_000);
  },
);
