/**
 * Every key of a burst counts: over SSH several key presses arrive in one
 * read, and each must be applied in order to the field that has the focus
 * when it arrives. One write per burst, many times over, into each kind of
 * input: a text field, the filter, the command line.
 */
import { describe, expect, it } from 'vitest';
import { builtCli } from '../helpers/built-cli.js';
import { KEYS } from '../helpers/keys.js';
import { labPart } from '../helpers/lab.js';
import { runInPty, type PtyScreen } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const BACKSPACE = '\u007f';
const LEFT = '\u001b[D';
const RIGHT = '\u001b[C';
const ROUNDS = 100;

async function openDemo(): Promise<PtyScreen> {
  const app = runInPty(process.execPath, [builtCli(), '--demo'], {
    columns: 80,
    rows: 24,
  });
  await app.waitFor(
    (screen) => screen.includes('Instances ('),
    'the instances',
    60_000,
  );
  return app;
}

describe.skipIf(!moto.info)(`key bursts${moto.missing}`, () => {
  it('applies every key of a burst to the bucket-name field, in order', async () => {
    const app = await openDemo();
    try {
      app.type(':s3\r');
      await app.waitFor((screen) => screen.includes('Buckets ('), 'buckets');
      app.type('n');
      await app.waitFor((screen) => screen.includes('Make a bucket'), 'form');
      for (let round = 0; round < ROUNDS; round++) {
        const word = `r${String(round).padStart(3, '0')}`;
        // Type, fix a typo in the middle, and go on: all in one write.
        app.type(
          `${word}abcdef${BACKSPACE}${BACKSPACE}x${LEFT}${LEFT}${BACKSPACE}y${RIGHT}z`,
        );
        const expected = `${word}abydzx`;
        // The whole field, nothing before or after it.
        const field = new RegExp(`Name {2,}${expected} +│`);
        const screen = await app.waitFor(
          (text) => field.test(text),
          `"${expected}" in round ${String(round)}`,
          10_000,
        );
        expect(screen).toMatch(field);
        // Clear the field for the next round (Ctrl+E, Ctrl+U), in one write.
        app.type('\u0005\u0015');
        await app.waitFor(
          // An empty field shows its placeholder.
          (text) => /Name {2,}e\.g\. acme/.test(text),
          'the cleared field',
          10_000,
        );
      }
      // The last letters and Enter in one write: what was typed is submitted.
      app.type(`burst-bucket-${BACKSPACE}z\r`);
      const confirm = await app.waitFor(
        (text) => text.includes('Make bucket burst-bucketz in'),
        'the confirmation of what was typed',
        10_000,
      );
      expect(confirm).toContain('s3://burst-bucketz/');
    } finally {
      app.type(KEYS.escape);
      app.kill();
    }
  }, 600_000);
  it('applies every key of a burst to the filter, in order', async () => {
    const app = await openDemo();
    try {
      for (let round = 0; round < 30; round++) {
        const name = round % 2 === 0 ? 'web-1' : 'web-2';
        const other = round % 2 === 0 ? 'web-2' : 'web-1';
        // A filter typed with a correction and applied, in one write.
        app.type(`/web-3${BACKSPACE}${name.slice(-1)}\r`);
        const screen = await app.waitFor(
          (text) => /Instances \(1\/\d+\)/.test(text) && text.includes(name),
          `only ${name} in round ${String(round)}`,
          10_000,
        );
        expect(screen).not.toContain(other);
        app.type(KEYS.escape);
        await app.waitFor(
          (text) => /Instances \(\d+\)/.test(text),
          `the filter cleared in round ${String(round)}`,
          10_000,
        );
      }
    } finally {
      app.kill();
    }
  }, 600_000);

  it('applies bursts that switch panes through the command line', async () => {
    const app = await openDemo();
    try {
      for (let round = 0; round < 30; round++) {
        // Away and back by the command line, a typo fixed on the way, then a filter.
        app.type(`:bucketz${BACKSPACE}s\r:instances\r/web-1\r`);
        const screen = await app.waitFor(
          (text) => /Instances \(1\/\d+\) · filter web-1/.test(text),
          `web-1 alone again in round ${String(round)}`,
          10_000,
        );
        expect(screen).not.toContain('web-2');
        app.type(KEYS.escape);
        await app.waitFor(
          (text) => /Instances \(\d+\)/.test(text),
          `the filter cleared in round ${String(round)}`,
          10_000,
        );
      }
    } finally {
      app.kill();
    }
  }, 600_000);
});
