/**
 * The highlight in the MySQL Users view stays on the account a grant was
 * for, in a real terminal on a lab of its own (--demo): the row highlighted
 * after the grant is the row the next a, p, v or X acts on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_MYSQL } from '../../source/lab/seed/seed-mysql.js';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { runInPty, type PtyScreen } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const mariadb = labPart('mariadb');
const sshd = labPart('sshd');
const missing = moto.missing || mariadb.missing || sshd.missing;

/** The text of the last row drawn in inverse video: the highlight (the tab bar comes first). */
async function highlighted(app: PtyScreen): Promise<string> {
  const rows = await app.cells();
  const row = rows.filter((cells) => /\{[^}]*r\}/.test(cells)).at(-1) ?? '';
  return row.replaceAll(/\{[^}]*\}/g, '');
}

async function highlightOn(app: PtyScreen, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await highlighted(app)).includes(text)) {
    if (Date.now() > deadline)
      throw new Error(
        `the highlight is not on ${text}:\n${await highlighted(app)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(missing !== '')(
  `MySQL Users highlight in a terminal${missing}`,
  () => {
    it('stays on uxuser@% after a grant to it', async () => {
      const home = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-users-'));
      const app = runInPty(
        process.execPath,
        [builtCli(), '--demo', '--pane', 'mysql'],
        { columns: 80, rows: 24, env: { HOME: home, SSH_AUTH_SOCK: '' } },
      );
      try {
        await app.waitFor(
          (screen) => /lab\s+\S+@127\.0\.0\.1/.test(screen),
          'the lab profile',
          60_000,
        );
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('MySQL password'),
          'the password prompt',
        );
        app.type(`${LAB_MYSQL.rootPassword}\r`);
        await app.waitFor(
          (screen) => /shop\s+\d+/.test(screen),
          'the databases',
          30_000,
        );
        app.type('U');
        await app.waitFor((screen) => /root@localhost/.test(screen), 'users');

        // uxuser@%, as the walk that found the jump made it.
        app.type('n');
        await app.waitFor(
          (screen) => screen.includes('Create a user'),
          'the create form',
        );
        app.type('uxuser\t');
        await app.waitFor(
          (screen) => screen.includes('←/→: localhost'),
          'the focus on Host',
        );
        app.type('\u001b[C');
        await app.waitFor((screen) => screen.includes('< % >'), 'host %');
        app.type('\t\tpw-ux-1\tpw-ux-1\r');
        await app.waitFor(
          (screen) => screen.includes('Create user uxuser@%'),
          'the confirmation',
        );
        app.type('y');
        await app.waitFor(
          (screen) => screen.includes('create user uxuser@%: done'),
          'the user created',
        );

        // Down to it, row by row, as a person would.
        for (let step = 0; step < 10; step++) {
          if ((await highlighted(app)).includes('uxuser')) break;
          const before = await highlighted(app);
          app.type('j');
          const deadline = Date.now() + 5000;
          while ((await highlighted(app)) === before && Date.now() < deadline)
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await highlightOn(app, 'uxuser');

        app.type('a');
        await app.waitFor(
          (screen) => screen.includes('Grant privileges to uxuser@%'),
          'the grant form',
        );
        app.type('\u001b[C');
        await app.waitFor((screen) => screen.includes('< shop >'), 'shop');
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('[ ] SELECT'),
          'the checklist',
        );
        app.type(' ');
        await app.waitFor(
          (screen) => screen.includes('[x] SELECT'),
          'SELECT ticked',
        );
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('Grant on shop.*'),
          'the grant confirmation',
        );
        app.type('y');
        await app.waitFor(
          (screen) => screen.includes('grant SELECT on shop.*: done'),
          'the grant done',
        );
        // The list is drawn again after the grant; the highlight is still there.
        await app.waitFor(
          (screen) => /Users \(\d+\)/.test(screen),
          'the users again',
        );
        await highlightOn(app, 'uxuser');
        expect(await highlighted(app)).toContain('uxuser');
        // And what acts on the highlighted row names it.
        app.type('a');
        const form = await app.waitFor(
          (screen) => screen.includes('Grant privileges to'),
          'the grant form again',
        );
        expect(form).toContain('Grant privileges to uxuser@%');
        app.type('\u001b');
      } finally {
        app.kill();
        rmSync(home, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
