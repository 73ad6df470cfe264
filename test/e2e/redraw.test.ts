import { describe, expect, it } from 'vitest';
import { builtCli } from '../helpers/built-cli.js';
import { KEYS } from '../helpers/keys.js';
import { labPart } from '../helpers/lab.js';
import { runInPty, type PtyScreen } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const REPAINT = '\u001B[?2026h\u001B[m\u001B[H\u001B[2J';

/** Waits until the console has written nothing for a while. */
async function quiet(app: PtyScreen, forMs = 300): Promise<void> {
  let length = -1;
  let since = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() - since < forMs) {
    if (Date.now() > deadline) throw new Error('the console never went quiet');
    await app.waitFor(() => true, 'the terminal');
    const now = app.written().length;
    if (now !== length) {
      length = now;
      since = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The screen the diffs built, and the same state sent whole by Ctrl+L. A
 * frame of its own (a refresh) landing in between makes it try again.
 */
async function diffedAndRepainted(app: PtyScreen) {
  for (let attempt = 0; ; attempt++) {
    await quiet(app);
    const before = app.written().length;
    const diffed = await app.cells();
    app.type(KEYS.ctrlL);
    await app.waitFor(
      () => app.written().includes(REPAINT, before),
      'the repaint',
    );
    await quiet(app);
    const since = app.written().slice(before);
    if (since.startsWith(REPAINT) && since.split('\u001B[?2026h').length === 2)
      return { diffed, repainted: await app.cells() };
    if (attempt === 4)
      throw new Error('frames kept arriving around the repaint');
  }
}

describe.skipIf(!moto.info)(`redraws in a terminal${moto.missing}`, () => {
  it('shows after every key of a long walk what a full repaint shows, cell by cell', async () => {
    const app = runInPty(process.execPath, [builtCli(), '--demo'], {
      columns: 80,
      rows: 24,
    });
    try {
      await app.waitFor(
        (screen) =>
          screen.includes('123456789012') && screen.includes('Instances (7)'),
        'the console on the lab',
        60_000,
      );
      const walk: [string, string | ((app: PtyScreen) => void)][] = [
        ['down', 'j'],
        ['down again', KEYS.down],
        ['up', 'k'],
        ['last row', 'G'],
        ['first row', 'g'],
        ['page down', KEYS.pageDown],
        ['page up', KEYS.pageUp],
        ['start dialog', 's'],
        ['dialog focus', KEYS.tab],
        ['dialog closed', KEYS.escape],
        ['filter prompt', '/'],
        ['filter text', 'web'],
        ['filter kept', KEYS.enter],
        ['filter cleared', KEYS.escape],
        ['help', '?'],
        ['help closed', KEYS.escape],
        ['event log', '!'],
        ['log closed', KEYS.escape],
        ['eips', ':eips\r'],
        ['volumes', ':volumes\r'],
        ['snapshots', ':snapshots\r'],
        ['s3', ':s3\r'],
        ['a bucket', KEYS.enter],
        ['mysql', ':mysql\r'],
        ['profiles', ':profiles\r'],
        ['instances', ':instances\r'],
        ['wider', (app) => app.resize(100, 30)],
        ['down, wide', 'j'],
        ['narrower', (app) => app.resize(80, 24)],
        ['down, narrow', 'j'],
      ];
      const differences: string[] = [];
      for (const [step, key] of walk) {
        if (typeof key === 'string') app.type(key);
        else key(app);
        const { diffed, repainted } = await diffedAndRepainted(app);
        diffed.forEach((row, index) => {
          if (row !== repainted[index])
            differences.push(
              `${step}, row ${String(index + 1)}:\n  diffed    ${row}\n  repainted ${repainted[index] ?? ''}`,
            );
        });
      }
      expect(differences).toEqual([]);
      // The walk went where it meant to: the last view is the instances pane at 80x24.
      expect(app.screen().join('\n')).toContain('Instances (7)');
      app.type('q');
      expect(await app.exited).toBe(0);
    } finally {
      app.kill();
    }
  }, 240_000);
});
