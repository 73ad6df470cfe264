import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeS3, fakeObject } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const CTRL_U = '\u0015';
let root = '';

afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

async function bucketsPane(s3 = createFakeS3()) {
  const { view } = await openConsole({ pane: 'buckets', s3 });
  await view.waitFor((frame) => frame.includes('Buckets (2)'), 'the buckets');
  await view.press('/', (frame) => frame.includes('/'));
  await view.press('acme-logs');
  await view.press(KEYS.enter, (frame) => frame.includes('acme-logs'));
  return { view, s3 };
}

/** The form row that has the cursor (its label is shown in the accent). */
function row(frame: string, label: string): string {
  return lines(frame).find((line) => line.includes(label)) ?? '';
}

describe('path fields in the S3 forms', () => {
  it('Tab completes, then lists, then moves on to the next field, as the footer says', async () => {
    root = mkdtempSync(join(tmpdir(), 'opsdeck-tab-'));
    mkdirSync(join(root, 'reports'));
    mkdirSync(join(root, 'restore-2026'));
    const { view } = await bucketsPane();
    const form = await view.press('s', (frame) =>
      frame.includes('Sync a directory with S3'),
    );
    expect(form).toContain('Tab completes, then next field');
    await view.press(`${root}/r`);
    // Completes as far as the names agree, and lists them.
    const completed = await view.press(KEYS.tab, (frame) =>
      /reports\/\s+restore-2026\//.test(frame),
    );
    expect(row(completed, 'Directory')).toContain(`${root}/re`);
    // Nothing left to add: the next Tab goes to the next field.
    const moved = await view.press(KEYS.tab, (frame) =>
      frame.includes('Tab next field'),
    );
    expect(row(moved, 'Directory')).toContain(`${root}/re`);
    expect(moved).not.toMatch(/reports\/\s+restore-2026\//);
    // ↓ and ↑ move between fields whatever Tab does.
    await view.press(KEYS.up, (frame) =>
      frame.includes('Tab completes, then next field'),
    );
    await view.press(KEYS.down, (frame) => frame.includes('Tab next field'));
  });

  it('shows a placeholder in the same column whether its field has the focus or not', async () => {
    const { view } = await bucketsPane();
    const form = await view.press('s', (frame) =>
      frame.includes('Sync a directory'),
    );
    const focused = row(form, '/srv/backups');
    const moved = await view.press(KEYS.down, (frame) =>
      frame.includes('Tab next field'),
    );
    const unfocused = row(moved, '/srv/backups');
    expect(unfocused.indexOf('/srv/backups')).toBeGreaterThan(0);
    expect(focused.indexOf('/srv/backups')).toBe(
      unfocused.indexOf('/srv/backups'),
    );
    // And where the first typed letter lands.
    await view.press(KEYS.up, (frame) => frame.includes('then next field'));
    const typed = await view.press('Z');
    expect(row(typed, 'Directory').indexOf('Z')).toBe(
      unfocused.indexOf('/srv/backups'),
    );
  });

  it('remembers the sync and download directories for the next time in this run', async () => {
    const { view } = await bucketsPane();
    await view.press('s', (frame) => frame.includes('Sync a directory'));
    await view.press('/srv/logs');
    await view.press(KEYS.enter, (frame) => frame.includes('Sync /srv/logs'));
    await view.press('n', (frame) => !frame.includes('Sync /srv/logs'));
    const again = await view.press('s', (frame) =>
      frame.includes('Sync a directory'),
    );
    expect(row(again, 'Directory')).toContain('/srv/logs');
    await view.press(KEYS.escape, (frame) => !frame.includes('Sync a dir'));

    await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
    await view.press('G');
    await view.press('D', (frame) => frame.includes('Download s3://'));
    await view.press(CTRL_U);
    await view.press('/tmp/restore-here');
    await view.press(KEYS.enter, (frame) => frame.includes('downloaded'));
    const next = await view.press('D', (frame) =>
      frame.includes('Download s3://'),
    );
    expect(row(next, 'To directory')).toContain('/tmp/restore-here');
  });
});

describe('the sync plan', () => {
  it('lists every planned row, scrolls with ↓, and says how many there are', async () => {
    const s3 = createFakeS3();
    const logs = s3.buckets.get('acme-logs');
    for (let index = 0; index < 40; index++) {
      const key = `batch/file-${String(index).padStart(2, '0')}.log`;
      logs?.set(key, fakeObject(key, 100));
    }
    const { view } = await bucketsPane(s3);
    await view.press('s', (frame) => frame.includes('Sync a directory'));
    await view.press('/srv/logs');
    const plan = await view.press(KEYS.enter, (frame) =>
      frame.includes('Sync /srv/logs'),
    );
    expect(plan).toContain('upload 44');
    expect(plan).toMatch(/1-\d+ of 46/);
    expect(plan).not.toContain('batch/file-39.log');
    let frame = plan;
    for (let step = 0; step < 40 && !frame.includes('file-39'); step++)
      frame = await view.press(KEYS.down);
    expect(frame).toContain('+ batch/file-39.log (size differs)');
    for (const text of view.frames()) {
      expect(lines(text).length).toBeLessThan(24);
    }
  });
});
