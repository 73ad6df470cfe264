/**
 * Outside text never reaches the terminal raw: the demo's lab seeds an
 * instance name, an instance tag, an S3 key and body and a MySQL cell that
 * each carry an OSC 52 (clipboard write), a CSI 2J (clear screen) and a bidi
 * override. Walking to each, the bytes the console writes hold none of them,
 * and the screen shows them as visible escapes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_MYSQL } from '../../source/lab/seed/seed-mysql.js';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { runInPty } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const mariadb = labPart('mariadb');
const sshd = labPart('sshd');
const missing = moto.missing || mariadb.missing || sshd.missing;

/** Pieces of the seeded sequences that only raw outside text could produce. */
const INJECTED = [
  '\u001b]52;',
  '\u001b]0;title',
  '\u0007',
  '\u202e',
  'cHduZWQ=\u0007\u001b[2J',
];

function injectedIn(written: string): string[] {
  return INJECTED.filter((piece) => written.includes(piece)).map((piece) =>
    JSON.stringify(piece),
  );
}

describe.skipIf(missing !== '')(
  `hostile outside text in a terminal${missing}`,
  () => {
    it('shows every seeded hostile text as visible escapes and writes none of it raw', async () => {
      const home = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-hostile-'));
      const app = runInPty(process.execPath, [builtCli(), '--demo'], {
        columns: 100,
        rows: 30,
        env: { HOME: home, SSH_AUTH_SOCK: '' },
      });
      try {
        // The instance's Name, as the list shows it.
        await app.waitFor(
          (screen) => screen.includes('pwn\\x1b]52'),
          'the hostile instance',
          60_000,
        );
        // Its tags in the detail view.
        app.type('/pwn\r');
        await app.waitFor((screen) => /\(1\/\d+\)/.test(screen), 'the filter');
        app.type('d');
        await app.waitFor((screen) => screen.includes('Network'), 'details');
        // The tags are the last section.
        app.type('G');
        await app.waitFor(
          (screen) => screen.includes('note') && screen.includes('<U+202E>'),
          'the tags in the detail view',
        );
        app.type('\u001b');
        app.type('\u001b');

        // The S3 key, and the body it holds.
        app.type(':s3\r');
        await app.waitFor(
          (screen) => screen.includes('opsdeck-lab-assets'),
          'the buckets',
        );
        app.type('/assets\r');
        await app.waitFor((screen) => /\(1\/\d+\)/.test(screen), 'the bucket');
        app.type('\r');
        await app.waitFor((screen) => screen.includes('uploads/'), 'the top');
        app.type('/uploads\r');
        await app.waitFor((screen) => /\(1\/\d+\)/.test(screen), 'uploads/');
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('evil\\x1b]52;'),
          'the hostile key',
        );
        app.type('v');
        await app.waitFor(
          (screen) =>
            screen.includes('second line\\x0d\\x1b]0;title\\x07') &&
            screen.includes('first line'),
          'the hostile body',
        );
        app.type('\u001b');

        // The MySQL cell, through the tunnel.
        app.type(':mysql\r');
        await app.waitFor(
          (screen) => /lab\s+\S+@127\.0\.0\.1/.test(screen),
          'the lab profile',
        );
        app.type('\r');
        await app.waitFor(
          (screen) => screen.includes('MySQL password'),
          'the password prompt',
        );
        app.type(`${LAB_MYSQL.rootPassword}\r`);
        await app.waitFor((screen) => /shop\s+\d+/.test(screen), 'databases');
        app.type('/shop\r');
        await app.waitFor((screen) => /\(1\/\d+\)/.test(screen), 'shop');
        app.type('\r');
        await app.waitFor((screen) => screen.includes('audit_log'), 'tables');
        app.type('r');
        await app.waitFor(
          (screen) => screen.includes('note \\x1b]52;'),
          'the hostile cell',
        );

        expect(injectedIn(app.written())).toEqual([]);
        app.type('q');
        expect(await app.exited).toBe(0);
        expect(injectedIn(app.written())).toEqual([]);
      } finally {
        app.kill();
        rmSync(home, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
