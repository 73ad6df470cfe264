/**
 * Every key of a burst counts, in the inputs bursts.test.ts does not cover:
 * a number field of a form (the volume's new size, then its IOPS, with Tab
 * between them) and the SQL editor. One write per burst, many times over,
 * and the result checked every time. Two Enters in one burst run a
 * statement once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_MYSQL } from '../../source/lab/seed/seed-mysql.js';
import { builtCli } from '../helpers/built-cli.js';
import { KEYS } from '../helpers/keys.js';
import { labPart } from '../helpers/lab.js';
import { runInPty } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const mariadb = labPart('mariadb');
const sshd = labPart('sshd');
const mysqlMissing = moto.missing || mariadb.missing || sshd.missing;
const { backspace: BS, left: LEFT, right: RIGHT, tab: TAB } = KEYS;
const END_OF_LINE = '\u0005';
const CLEAR_BEFORE = '\u0015';
const ROUNDS = 100;
const RUNS_TWICE_ENTERED = 20;

describe.skipIf(!moto.info)(
  `key bursts into a number field${moto.missing}`,
  () => {
    it('applies every key of a burst to the size and IOPS fields, in order', async () => {
      const app = runInPty(process.execPath, [builtCli(), '--demo'], {
        columns: 80,
        rows: 24,
      });
      try {
        await app.waitFor(
          (s) => s.includes('Instances ('),
          'instances',
          60_000,
        );
        app.type(':volumes\r');
        await app.waitFor((s) => s.includes('Volumes ('), 'the volumes');
        app.type('/scratch-old\r');
        await app.waitFor((s) => /Volumes \(1\/\d+\)/.test(s), 'one volume');
        app.type('M');
        await app.waitFor((s) => s.includes('Modify scratch-old'), 'the form');
        for (let round = 0; round < ROUNDS; round++) {
          // Size: 10, BS BS 5 (the report: 5, not 15), a digit before it, a 0
          // after; Tab Tab to IOPS, a correction there; back by Shift+Tab, and 7.
          app.type(
            `${END_OF_LINE}${CLEAR_BEFORE}10${BS}${BS}5${LEFT}${BS}${round}${RIGHT}0` +
              `${TAB}${TAB}${END_OF_LINE}${CLEAR_BEFORE}${round}${BS}1` +
              `${KEYS.shiftTab}${KEYS.shiftTab}7`,
          );
          const size = `${round}507`;
          const iops = `${String(round).slice(0, -1)}1`;
          const fields = new RegExp(
            `Size \\(GiB\\) +${size} +│[\\s\\S]*IOPS +${iops} +│`,
          );
          const screen = await app.waitFor(
            (text) => fields.test(text),
            `size ${size} and IOPS ${iops} in round ${String(round)}`,
            10_000,
          );
          expect(screen).toMatch(fields);
        }
      } finally {
        app.type(KEYS.escape);
        app.kill();
      }
    }, 600_000);
  },
);

describe.skipIf(mysqlMissing !== '')(
  `key bursts into the SQL editor${mysqlMissing}`,
  () => {
    it('runs exactly what a burst typed, every time', async () => {
      const home = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-sql-'));
      const app = runInPty(
        process.execPath,
        [builtCli(), '--demo', '--pane', 'mysql'],
        { columns: 80, rows: 24, env: { HOME: home, SSH_AUTH_SOCK: '' } },
      );
      try {
        await app.waitFor(
          (s) => /lab\s+\S+@127\.0\.0\.1/.test(s),
          'the lab profile',
          60_000,
        );
        app.type('\r');
        await app.waitFor((s) => s.includes('MySQL password'), 'the prompt');
        app.type(`${LAB_MYSQL.rootPassword}\r`);
        await app.waitFor((s) => /shop\s+\d+/.test(s), 'databases', 30_000);
        app.type('Q');
        await app.waitFor((s) => s.includes('sql> '), 'the editor');
        for (let round = 0; round < ROUNDS; round++) {
          // Two lines, a correction, keys the editor ignores (Tab, ←), one run.
          app.type(
            `SELECT CONCAT('q${round}',${TAB} 'abc${BS}${BS}x')${LEFT}\r` +
              `AS v;\r`,
          );
          // The result, never the typed text: the typed text has no "q<n>ax".
          const value = new RegExp(`\\bq${round}ax\\b`);
          const screen = await app.waitFor(
            (text) => value.test(text) && text.includes('1 row in'),
            `q${String(round)}ax in round ${String(round)}`,
            10_000,
          );
          expect(screen).toMatch(value);
          expect(screen).not.toContain('error');
        }
        // Two Enters in one burst run the statement once: a session variable
        // counts the runs (a second run would show the count one ahead).
        for (let round = 1; round <= RUNS_TWICE_ENTERED; round++) {
          app.type(
            `SELECT CONCAT('run-', @n := COALESCE(@n, 0) + 1) AS r;\r\r`,
          );
          await app.waitFor(
            (text) => new RegExp(`\\brun-${round}\\b`).test(text),
            `run-${String(round)}`,
            10_000,
          );
        }
        app.type(`SELECT CONCAT('total-', @n) AS t;\r`);
        const total = await app.waitFor(
          (text) => /\btotal-\d+\b/.test(text),
          'the count of runs',
          10_000,
        );
        expect(total).toMatch(new RegExp(`\\btotal-${RUNS_TWICE_ENTERED}\\b`));
      } finally {
        app.type(KEYS.escape);
        app.kill();
        rmSync(home, { recursive: true, force: true });
      }
    }, 600_000);
  },
);
