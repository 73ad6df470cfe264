import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeS3 } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const BACKSPACE = '\u007f';

async function bucketsPane(options: { readOnly?: boolean } = {}) {
  const s3 = createFakeS3();
  const { view, deps } = await openConsole({ pane: 'buckets', s3, ...options });
  await view.waitFor((frame) => frame.includes('Buckets (2)'), 'the buckets');
  return { view, deps, s3 };
}

/** Moves the cursor to the row that contains `text`. */
async function cursorTo(
  view: Awaited<ReturnType<typeof bucketsPane>>['view'],
  text: string,
) {
  await view.press('/', (frame) => frame.includes('/'));
  await view.press(text);
  await view.press(KEYS.enter, (frame) => frame.includes(text));
}

describe('buckets and the object browser at 80x24', () => {
  it('browses prefixes like directories and comes back up', async () => {
    const { view } = await bucketsPane();
    const list = view.frame();
    expect(list).toMatch(/acme-logs\s+us-east-1/);
    for (const line of lines(list)) expect(line.length).toBeLessThanOrEqual(80);
    await cursorTo(view, 'acme-logs');
    const root = await view.press(KEYS.enter, (frame) =>
      frame.includes('README.txt'),
    );
    expect(root).toMatch(/2026\/\s+DIR/);
    expect(root).toMatch(/README\.txt\s+1KiB/);
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('2026');
    await view.press(KEYS.enter);
    const year = await view.press(KEYS.enter, (frame) => frame.includes('02/'));
    expect(year).toContain('01/');
    expect(year).toContain('02/');
    const up = await view.press(BACKSPACE, (frame) =>
      frame.includes('README.txt'),
    );
    expect(up).toContain('README.txt');
    // Esc goes up too; the first lands on the buckets, still filtered.
    view.raw.stdin.write(KEYS.escape);
    await view.waitFor(
      (frame) => frame.includes('Buckets (1/2)'),
      'the buckets',
    );
    view.raw.stdin.write(KEYS.escape);
    const back = await view.waitFor(
      (frame) => frame.includes('Buckets (2)'),
      'the buckets unfiltered',
    );
    expect(back).toContain('acme-backups');
  });

  it('refuses a bad bucket name with the rule it breaks, then makes a good one', async () => {
    const { view, s3 } = await bucketsPane();
    await view.press('n', (frame) => frame.includes('Make a bucket'));
    await view.press('Bad_Name');
    view.raw.stdin.write(KEYS.enter);
    const refused = await view.waitFor((frame) => frame.includes('✕'));
    expect(refused).toContain('must not contain uppercase letters');
    expect(s3.calls).toEqual([]);
    for (let index = 0; index < 8; index++) await view.press(BACKSPACE);
    await view.press('new-bucket-1');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Make bucket new-bucket-1'),
    );
    await view.press('y', (frame) =>
      frame.includes('made bucket new-bucket-1'),
    );
    expect(s3.calls).toEqual(['mb new-bucket-1']);
    await view.waitFor(
      (frame) => frame.includes('Buckets (3)'),
      'the new list',
    );
  });

  it('says a bucket name is yours or taken before asking to make it', async () => {
    const { view, s3 } = await bucketsPane();
    s3.foreign.add('someone-elses');
    await view.press('n', (frame) => frame.includes('Make a bucket'));
    await view.press('acme-logs');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('you already own acme-logs (us-east-1)'),
    );
    expect(view.frames().join('\n')).not.toContain('Make bucket acme-logs');
    await view.press('n', (frame) => frame.includes('Make a bucket'));
    await view.press('someone-elses');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('the name someone-elses is taken by another account'),
    );
    expect(view.frames().join('\n')).not.toContain('Make bucket someone');
    expect(s3.calls).toEqual([]);
  });

  it('shows what rb --force will remove, and removes it only after the name is typed', async () => {
    const { view, s3 } = await bucketsPane();
    await cursorTo(view, 'acme-logs');
    const dialog = await view.press('F', (frame) =>
      frame.includes('Remove acme-logs and everything in it'),
    );
    expect(dialog).toContain('4 current objects');
    expect(dialog).toContain('6 versions in all, 1 delete markers');
    expect(dialog).toContain('1 unfinished multipart uploads');
    await view.press('acme-log');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('type exactly acme-logs'),
    );
    expect(s3.calls).toEqual([]);
    await view.press('s');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('removed acme-logs'),
    );
    expect(s3.calls).toEqual(['rb --force acme-logs']);
  });

  it('refuses X on a bucket that is not empty before asking for its name, and removes an empty one', async () => {
    const { view, s3 } = await bucketsPane();
    s3.uploads.set('acme-logs', [
      {
        key: 'db/dump.sql',
        uploadId: 'u-1',
        initiated: new Date('2026-01-01T00:00:00Z'),
        parts: 1,
        bytes: 5,
      },
    ]);
    await cursorTo(view, 'acme-logs');
    const refused = await view.press('X', (frame) =>
      frame.includes('not empty'),
    );
    expect(refused).toContain(
      'rb acme-logs: bucket acme-logs is not empty: 4 objects, 1 pending uploads; F',
    );
    expect(refused).toContain('removes it with everything in it');
    expect(view.frames().join('\n')).not.toContain('Remove bucket acme-logs');
    expect(s3.calls).toEqual([]);
    expect(s3.buckets.has('acme-logs')).toBe(true);

    await view.press(KEYS.escape, (frame) => frame.includes('Buckets (2)'));
    await cursorTo(view, 'acme-backups');
    await view.press('X', (frame) =>
      frame.includes('Remove bucket acme-backups'),
    );
    await view.press('acme-backups');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('removed bucket acme-backups'),
    );
    expect(s3.calls).toEqual(['rb acme-backups']);
  });

  it('plans a sync as a dry run, shows the plan, and runs it on yes', async () => {
    const { view, s3 } = await bucketsPane();
    await cursorTo(view, 'acme-logs');
    await view.press('s', (frame) =>
      frame.includes('Sync a directory with S3'),
    );
    await view.press('/srv/logs');
    const plan = await view.press(KEYS.enter, (frame) =>
      frame.includes('Sync /srv/logs to s3://acme-logs/'),
    );
    expect(plan).toContain('upload 4 (4 KiB)');
    expect(plan).toContain('+ 2026/01/app.log (size differs)');
    expect(s3.calls).toEqual(['sync --dryrun up s3://acme-logs/']);
    await view.press('y', (frame) => frame.includes('sync: 4 up'));
    expect(s3.calls).toEqual([
      'sync --dryrun up s3://acme-logs/',
      'sync up s3://acme-logs/',
    ]);
  });

  it('deletes a prefix only after typed confirmation, and shows a text object', async () => {
    const { view, s3 } = await bucketsPane();
    await cursorTo(view, 'acme-logs');
    await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
    const viewer = await view.press('G', (frame) => frame.includes('README'));
    expect(viewer).toContain('README.txt');
    const text = await view.press('v', (frame) =>
      frame.includes('first line of README.txt'),
    );
    expect(text).toContain('second line');
    await view.press(KEYS.escape, (frame) =>
      frame.includes('s3://acme-logs/ ('),
    );
    await view.press('g');
    const dialog = await view.press('X', (frame) =>
      frame.includes('Delete 1 entries'),
    );
    expect(dialog).toContain('2026/  (everything under it)');
    await view.press('delete 1');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('deleted 3 objects'),
    );
    expect(s3.calls).toEqual(['delete acme-logs 2026/']);
    expect([...(s3.buckets.get('acme-logs')?.keys() ?? [])]).toEqual([
      'README.txt',
    ]);
  });

  it('completes a local directory with Tab in the download form, then downloads there', async () => {
    const root = mkdtempSync(join(tmpdir(), 'opsdeck-complete-'));
    mkdirSync(join(root, 'restore-2026'));
    mkdirSync(join(root, 'reports'));
    try {
      const { view, s3 } = await bucketsPane();
      await cursorTo(view, 'acme-logs');
      await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
      await view.press('G');
      await view.press('D', (frame) =>
        frame.includes('Download s3://acme-logs/README.txt'),
      );
      await view.press('\u0015'); // Ctrl+U clears the field
      await view.press(`${root}/re`);
      const listed = await view.press(KEYS.tab, (frame) =>
        frame.includes('reports/'),
      );
      expect(listed).toContain('restore-2026/');
      await view.press('s');
      const completed = await view.press(KEYS.tab, (frame) =>
        frame.includes(`${root}/restore-2026/`),
      );
      expect(completed).toContain('Download s3://acme-logs/README.txt');
      await view.press(KEYS.enter, (frame) => frame.includes('downloaded'));
      expect(s3.calls).toEqual([
        `get s3://acme-logs/README.txt ${root}/restore-2026/`,
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('downloads a prefix beside an unrelated local file and does not call it unchanged', async () => {
    const root = mkdtempSync(join(tmpdir(), 'opsdeck-get-'));
    writeFileSync(join(root, 'notes.txt'), 'mine');
    try {
      const { view, s3 } = await bucketsPane();
      await cursorTo(view, 'acme-logs');
      await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
      await view.press('D', (frame) =>
        frame.includes('Download s3://acme-logs/2026/'),
      );
      await view.press('\u0015'); // Ctrl+U clears the field
      await view.press(root);
      const done = await view.press(KEYS.enter, (frame) =>
        frame.includes('sync: 0 up, 3 down'),
      );
      const said = lines(done).join(' ').replace(/\s+/g, ' ');
      expect(said).toContain('0 unchanged, 1 only at the destination, kept');
      expect(said).not.toContain('1 unchanged');
      expect(s3.calls).toEqual(['sync down s3://acme-logs/2026/']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('in read-only mode refuses every write key and still plans a sync without running it', async () => {
    const { view, s3 } = await bucketsPane({ readOnly: true });
    for (const key of ['n', 'X', 'F'])
      await view.press(key, (frame) =>
        frame.includes('is a write and was not sent'),
      );
    await view.press('s', (frame) =>
      frame.includes('Sync a directory with S3'),
    );
    await view.press('/srv/logs');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('the plan above was not run'),
    );
    expect(s3.calls).toEqual(['sync --dryrun up s3://acme-logs/']);
  });
});
