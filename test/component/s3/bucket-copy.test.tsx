import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import { createFakeS3 } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

describe('bucket-to-bucket sync from the buckets pane at 80x24', () => {
  it('takes an s3:// location as the other side, shows the copy plan with its cost, and copies on yes', async () => {
    const s3 = createFakeS3();
    const { view } = await openConsole({ pane: 'buckets', s3 });
    await view.waitFor((frame) => frame.includes('Buckets (2)'), 'the buckets');
    await view.press('/', (frame) => frame.includes('/'));
    await view.press('acme-backups');
    await view.press(KEYS.enter, (frame) => frame.includes('acme-backups'));
    await view.press('s', (frame) =>
      frame.includes('an s3:// one copies server-side'),
    );
    await view.press('s3://acme-logs/2026/');
    const plan = await view.press(KEYS.enter, (frame) =>
      frame.includes('Sync s3://acme-logs/2026/ to s3://acme-backups/'),
    );
    for (const line of lines(plan)) expect(line.length).toBeLessThanOrEqual(80);
    expect(plan).toContain('copy 3 (3 KiB)');
    expect(plan).toContain('+ 01/app.log (new)');
    expect(plan).toContain('requests: 3 copy, 3 list');
    expect(plan).toContain('eu-west-1 → us-east-1: 3 KiB billed');
    expect(s3.calls).toEqual([
      'sync --dryrun copy s3://acme-logs/2026/ s3://acme-backups/',
    ]);
    await view.press('y', (frame) => frame.includes('sync: 3 copied'));
    expect(s3.calls).toEqual([
      'sync --dryrun copy s3://acme-logs/2026/ s3://acme-backups/',
      'sync copy s3://acme-logs/2026/ s3://acme-backups/',
    ]);
    expect([...(s3.buckets.get('acme-backups')?.keys() ?? [])].sort()).toEqual([
      '01/app.log',
      '01/db.log',
      '02/app.log',
    ]);
  });
});
