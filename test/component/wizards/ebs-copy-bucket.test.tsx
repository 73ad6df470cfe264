/** The region-copy wizard with a bucket as its source, at 80x24, on a fake engine and a fake S3. */
import { describe, expect, it } from 'vitest';
import { expectFits } from '../../helpers/ebs-copy-console.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeEbsCopy } from '../../helpers/fakes/fake-ebs-copy.js';
import { createFakeS3 } from '../../helpers/fakes/fake-s3.js';
import { KEYS } from '../../helpers/keys.js';
import type { Rendered } from '../../helpers/render.js';

const size = { columns: 80, rows: 24 };

async function openOnBuckets(readOnly = false) {
  const engine = createFakeEbsCopy();
  const opened = await openConsole({
    pane: 'buckets',
    s3: createFakeS3(),
    ebsCopy: engine,
    size,
    readOnly,
  });
  await opened.view.waitFor((text) => text.includes('acme-backups'));
  return { ...opened, engine };
}

/** r on acme-logs (the first row), region eu-west-1: the options screen, no zone asked. */
async function toOptions(view: Rendered) {
  await view.press('r', (text) =>
    text.includes('Copy bucket acme-logs in us-east-1 to which region?'),
  );
  await view.press('/', (text) => text.includes('Esc ends the filter'));
  await view.press('eu-west', (text) => text.includes('(1/2)'));
  return view.press(KEYS.enter, (text) => text.includes('Step 3/6: Options'));
}

describe('region-copy wizard, bucket source', () => {
  it('moves a bucket from its row: name suggested, an item left out, plan, run, catch-up', async () => {
    const { view, engine } = await openOnBuckets();
    const options = await toOptions(view);
    expectFits(options);
    expect(options).toContain('Source      bucket acme-logs in us-east-1');
    expect(options).toContain('New bucket  acme-logs-eu-west-1');
    expect(options).toContain('Config      all, where the source has it');

    // Tags off: the sixth field of the form.
    await view.press('o', (text) => text.includes('Bucket copy options'));
    for (let field = 0; field < 5; field++) await view.press(KEYS.tab);
    await view.press(' ', (text) => /Tags\s+\[ \]/.test(text));
    const kept = await view.press(KEYS.enter, (text) =>
      text.includes('Config      versioning, default encryption'),
    );
    expect(kept).not.toMatch(/Config .*tags/);

    const review = await view.press(KEYS.enter, (text) =>
      text.includes('Step 5/6: Plan'),
    );
    expectFits(review);
    expect(review).toContain('To    eu-west-1, new bucket acme-logs-eu-west-1');
    expect(review).toContain('Plan: 5 steps');
    expect(review).toContain(
      '1. Create bucket acme-logs-eu-west-1 in eu-west-1',
    );
    expect(review).toContain('+ bucket in eu-west-1');
    expect(review).toContain('2. Versioning: Enabled');
    expect(review).toContain('3. Lifecycle rules: 1 rule: expire-logs');
    expect(review).toContain('4. Bucket policy: 1 statement');
    expect(engine.requests[0]?.bucket).toEqual({
      targetName: 'acme-logs-eu-west-1',
      skip: ['tags'],
    });
    expect(review).toContain('Left out (o to copy them): tags');
    expect(review).toContain('5. Copy 1,200 objects (5 MiB) to');

    await view.press(KEYS.enter, (text) => text.includes('Start copy'));
    const finished = await view.press('y', (text) => text.includes('Finished'));
    expectFits(finished);
    expect(finished).toMatch(/Now in eu-west-1:\s+bucket acme-logs-eu-west-1/);
    expect(finished).toContain('c runs a catch-up sync');

    const dialog = await view.press('c', (text) =>
      text.includes('Catch-up sync acme-logs to acme-logs-eu-west-1'),
    );
    expectFits(dialog);
    expect(dialog).toContain('Copies what is new or changed in the source');
    await view.press('y', (text) =>
      text.includes('catch-up acme-logs-eu-west-1: 3 copied'),
    );
    expect(engine.calls).toEqual([
      'preflight acme-logs eu-west-1',
      'create mig-20261121-000001',
      'run mig-20261121-000001',
      'catch-up mig-20261121-000001',
    ]);
  });

  it('refuses a name that breaks the rules in the form, before any call', async () => {
    const { view, engine } = await openOnBuckets();
    await toOptions(view);
    await view.press('o', (text) => text.includes('Bucket copy options'));
    await view.press('_X');
    view.raw.stdin.write(KEYS.enter);
    const refused = await view.waitFor((text) => text.includes('uppercase'));
    expectFits(refused);
    expect(engine.calls).toEqual([]);
  });

  it('read-only: shows the plan and refuses to start', async () => {
    const { view, engine } = await openOnBuckets(true);
    await toOptions(view);
    const review = await view.press(KEYS.enter, (text) =>
      text.includes('Step 5/6: Plan'),
    );
    expect(review).toContain('Read-only mode');
    await view.press(KEYS.enter, (text) =>
      text.includes('read-only: the region copy was not started'),
    );
    expect(engine.calls).toEqual(['preflight acme-logs eu-west-1']);
  });
});
