import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeS3, fakeObject } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';

async function bucketRoot() {
  const s3 = createFakeS3();
  s3.buckets
    .get('acme-logs')
    ?.set('README.txt', fakeObject('README.txt', 2048));
  const { view } = await openConsole({ pane: 'buckets', s3 });
  await view.waitFor((frame) => frame.includes('Buckets (2)'), 'the buckets');
  await view.press('/', (frame) => frame.includes('/'));
  await view.press('acme-logs');
  await view.press(KEYS.enter, (frame) => frame.includes('acme-logs'));
  await view.press(KEYS.enter, (frame) => frame.includes('README.txt'));
  return { view, s3 };
}

describe('p over existing objects', () => {
  it('names the object it replaces, with size and date, and sends nothing on No', async () => {
    const { view, s3 } = await bucketRoot();
    await view.press('p', (frame) =>
      frame.includes('Upload to s3://acme-logs/'),
    );
    await view.press('/srv/docs/README.txt');
    const asked = await view.press(KEYS.enter, (frame) =>
      frame.includes('replaces 1 object in s3://acme-logs/'),
    );
    expect(asked).toMatch(/replaces README\.txt {2}2 KiB {2}2026-01-05/);
    expect(asked).toContain('gone for good');
    await view.press('n', (frame) => !frame.includes('replaces 1 object'));
    expect(s3.calls).toEqual([]);

    await view.press('p', (frame) =>
      frame.includes('Upload to s3://acme-logs/'),
    );
    await view.press('/srv/docs/README.txt');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('replaces 1 object'),
    );
    await view.press('y', (frame) => frame.includes('uploaded 1'));
    expect(s3.calls).toEqual(['put /srv/docs/README.txt s3://acme-logs/']);
  });

  it('uploads a new file without asking', async () => {
    const { view, s3 } = await bucketRoot();
    await view.press('p', (frame) =>
      frame.includes('Upload to s3://acme-logs/'),
    );
    await view.press('/srv/docs/NEW.txt');
    const done = await view.press(KEYS.enter, (frame) =>
      frame.includes('uploaded 1'),
    );
    expect(done).not.toContain('replaces');
    expect(s3.calls).toEqual(['put /srv/docs/NEW.txt s3://acme-logs/']);
  });
});
