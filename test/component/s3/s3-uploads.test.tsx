import { describe, expect, it } from 'vitest';
import type { PendingUpload } from '../../../source/aws/s3/pending-uploads.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeS3 } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';

const DAY = 86_400_000;

const upload = (key: string, daysAgo: number): PendingUpload => ({
  key,
  uploadId: `up-${key.replace(/\W/g, '')}`,
  initiated: new Date(Date.now() - daysAgo * DAY),
  parts: 3,
  bytes: 15 * 1024 * 1024,
});

async function uploadsPane(options: { readOnly?: boolean } = {}) {
  const s3 = createFakeS3();
  s3.uploads.set('acme-logs', [
    upload('db/old.gz', 30),
    upload('db/new.gz', 0),
  ]);
  const { view } = await openConsole({ pane: 'buckets', s3, ...options });
  await view.waitFor((frame) => frame.includes('Buckets (2)'), 'buckets');
  await view.press('/', (frame) => frame.includes('!invert'));
  await view.press('acme-logs');
  await view.press(KEYS.enter, (frame) => frame.includes('(1/2)'));
  await view.press('u', (frame) => frame.includes('db/new.gz'));
  return { view, s3 };
}

describe('pending multipart uploads at 80x24', () => {
  it('asks for a bucket when opened without one, as the objects pane does', async () => {
    for (const [pane, hint] of [
      ['uploads', 'Choose a bucket first: :s3, then u on a bucket.'],
      ['objects', 'Open a bucket first: :s3, then Enter on a bucket.'],
    ] as const) {
      const { view } = await openConsole({ pane });
      const frame = await view.waitFor(
        (text) => text.includes(hint),
        `the hint of ${pane}`,
      );
      expect(frame).toContain(hint);
      view.unmount();
    }
  });

  it('lists a bucket pending uploads and aborts one after the bucket name is typed', async () => {
    const { view, s3 } = await uploadsPane();
    const listed = view.frame();
    expect(listed).toContain('pending uploads in s3://acme-logs/ (2)');
    expect(listed).toMatch(/db\/old\.gz\s+4w\s+3\s+15 MiB/);
    await view.press('X', (frame) => frame.includes('Abort 1 upload in'));
    await view.press('acme', (frame) => frame.includes('acme'));
    await view.press(KEYS.enter, (frame) =>
      frame.includes('type exactly acme-logs'),
    );
    expect(s3.calls).toEqual([]);
    await view.press('-logs');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('abort 1 upload in acme-logs: done'),
    );
    // The row under the cursor: the first one.
    expect(s3.calls).toEqual(['abortmp acme-logs up-dboldgz']);
    await view.waitFor(
      (frame) => frame.includes('(1)') && !frame.includes('db/old.gz'),
      'the list without it',
    );
  });

  it('aborts the uploads older than N days', async () => {
    const { view, s3 } = await uploadsPane();
    await view.press('O', (frame) => frame.includes('more than N days'));
    const confirm = await view.press(KEYS.enter, (frame) =>
      frame.includes('Abort 1 upload in acme-logs'),
    );
    expect(confirm).toContain('db/old.gz  3 parts, 15 MiB');
    expect(confirm).not.toContain('db/new.gz  3 parts');
    await view.press('acme-logs');
    await view.press(KEYS.enter, (frame) => frame.includes(': done'));
    expect(s3.calls).toEqual(['abortmp acme-logs up-dboldgz']);
  });

  it('refuses both in read-only mode before asking anything', async () => {
    const { view, s3 } = await uploadsPane({ readOnly: true });
    await view.press('X', (frame) =>
      frame.includes('read-only: abort is a write and was not sent'),
    );
    await view.press('O', (frame) =>
      frame.includes('read-only: abortOlder is a write and was not sent'),
    );
    expect(view.frame()).not.toContain('Abort 1 upload');
    expect(s3.calls).toEqual([]);
  });
});
