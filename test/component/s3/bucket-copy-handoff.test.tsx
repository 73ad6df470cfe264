import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../source/config/defaults.js';
import type { Config } from '../../../source/config/schema.js';
import { openConsole } from '../../helpers/console.js';
import { createFakeS3 } from '../../helpers/fakes/fake-s3.js';
import { createFakeS3Jobs } from '../../helpers/fakes/fake-s3-jobs.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const ROLE = 'arn:aws:iam::111111111111:role/opsdeck-copy';

/** The config with the handoff threshold lowered to a few objects. */
function lowThreshold(roles: boolean): Config {
  const config = defaultConfig();
  return {
    ...config,
    handoff: {
      ...config.handoff,
      minObjects: 3,
      ...(roles ? { batchRoleArn: ROLE, dataSyncRoleArn: ROLE } : {}),
    },
  };
}

/** `s` on acme-backups with another bucket as the source; resolves on the plan. */
async function planCopy(
  options: { config?: Config; readOnly?: boolean; source?: string } = {},
) {
  const s3 = createFakeS3();
  const s3Jobs = createFakeS3Jobs();
  const { view } = await openConsole({
    pane: 'buckets',
    s3,
    s3Jobs,
    ...options,
  });
  await view.waitFor((frame) => frame.includes('Buckets (2)'), 'the buckets');
  await view.press('/', (frame) => frame.includes('/'));
  await view.press('acme-backups');
  await view.press(KEYS.enter, (frame) => frame.includes('acme-backups'));
  await view.press('s', (frame) =>
    frame.includes('an s3:// one copies server-side'),
  );
  await view.press(options.source ?? 's3://acme-logs/');
  return { view, s3, s3Jobs };
}

const created = (calls: readonly string[]) =>
  calls.filter((call) => /^(batch|datasync) /.test(call));

describe('a large bucket copy offered to AWS from the plan at 80x24', () => {
  it('above the threshold: both offers with their reasons, then DataSync is chosen, confirmed, created and followed', async () => {
    const { view, s3Jobs } = await planCopy({ config: lowThreshold(true) });
    const plan = await view.press(KEYS.enter, (frame) =>
      frame.includes('Choose where'),
    );
    for (const line of lines(plan)) expect(line.length).toBeLessThanOrEqual(80);
    expect(plan).toContain('Large copy: 4 objects');
    // 1 KiB objects: DataSync's per-GB price beats Batch's per-object one.
    expect(plan).toContain(
      '  S3 Batch Operations copy job: $6.00 per million objects (about $0.25)',
    );
    expect(plan).toContain('copies exactly the planned keys, but DataSync');
    expect(plan).toContain('* AWS DataSync S3-to-S3 task: $5.41 per million');
    expect(plan).toContain('billed per GB: the cheaper engine');
    const choice = await view.press('y', (frame) =>
      frame.includes('Where should the copy of 4 objects run?'),
    );
    expect(choice).toContain('here, through opsdeck');
    expect(choice).toContain('* AWS DataSync S3-to-S3 task');
    await view.press('j');
    await view.press('j');
    // The role is in the config: no form, the confirmation names it.
    const confirm = await view.press(KEYS.enter, (frame) =>
      frame.includes('Create an AWS DataSync task and start it'),
    );
    expect(confirm).toContain(`role: ${ROLE}`);
    expect(confirm).toContain('from s3://acme-logs/');
    expect(confirm).toContain('to s3://acme-backups/');
    expect(confirm).toContain(
      'two S3 locations, a task and its execution in eu-west-1',
    );
    expect(created(s3Jobs.calls)).toEqual([]);
    const made = await view.press('y', (frame) => frame.includes(': created'));
    expect(created(s3Jobs.calls)).toEqual(['datasync acme-logs']);
    // Followed in the job strip, as `f` in :s3-jobs does.
    expect(made).toMatch(/datasync opsdeck co.*items/);
    view.unmount();
  });

  it('refuses a Batch copy that would misplace keys; asks for a missing role and names the setting', async () => {
    const { view, s3Jobs } = await planCopy({
      config: lowThreshold(false),
      source: 's3://acme-logs/2026/',
    });
    const plan = await view.press(KEYS.enter, (frame) =>
      frame.includes('Choose where'),
    );
    expect(plan).toContain('x S3 Batch Operations copy job');
    expect(plan).toContain('it keeps each source key whole');
    expect(plan).toContain('x AWS DataSync S3-to-S3 task');
    const choice = await view.press('y', (frame) =>
      frame.includes('Where should the copy'),
    );
    expect(choice).toContain(
      'x AWS DataSync S3-to-S3 task   no IAM role: named when',
    );
    await view.press('j');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('not available: it keeps each source key whole'),
    );
    expect(created(s3Jobs.calls)).toEqual([]);
    // Again, DataSync this time: no role in the config, so the form asks.
    await view.press('s', (frame) => frame.includes('an s3:// one copies'));
    await view.press(KEYS.enter, (frame) => frame.includes('Choose where'));
    await view.press('y', (frame) => frame.includes('Where should the copy'));
    await view.press('j');
    await view.press('j');
    const form = await view.press(KEYS.enter, (frame) =>
      frame.includes('DataSync: the role it acts as'),
    );
    expect(form).toContain('handoff.dataSyncRoleArn is not set in config.yaml');
    await view.press(KEYS.enter, (frame) => frame.includes('an IAM role ARN'));
    await view.press(ROLE);
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Create an AWS DataSync task and start it'),
    );
    await view.press('y', (frame) => frame.includes(': created'));
    expect(created(s3Jobs.calls)).toEqual(['datasync acme-logs']);
    view.unmount();
  });

  it('Batch Operations: the role and report bucket in a form, the planned keys named in the confirmation', async () => {
    const { view, s3Jobs } = await planCopy({ config: lowThreshold(true) });
    await view.press(KEYS.enter, (frame) => frame.includes('Choose where'));
    await view.press('y', (frame) => frame.includes('Where should the copy'));
    await view.press('j');
    const form = await view.press(KEYS.enter, (frame) =>
      frame.includes('S3 Batch Operations: the role and the report bucket'),
    );
    expect(form).toContain(ROLE);
    // The job runs in the target's region: its bucket takes the manifest.
    expect(form).toMatch(/Report to\s+acme-backups/);
    const confirm = await view.press(KEYS.enter, (frame) =>
      frame.includes('Create an S3 Batch Operations copy job'),
    );
    expect(confirm).toContain('copy 4 planned keys of s3://acme-logs');
    expect(confirm).toContain(
      'manifest and failure report: s3://acme-backups/opsdeck-jobs/',
    );
    expect(confirm).toContain('in us-east-1, priority 10');
    expect(created(s3Jobs.calls)).toEqual([]);
    await view.press('y', (frame) => frame.includes(': created'));
    expect(created(s3Jobs.calls)).toEqual(['batch acme-logs']);
    view.unmount();
  });

  it('below the threshold the plan offers nothing and runs here', async () => {
    const { view, s3, s3Jobs } = await planCopy();
    const plan = await view.press(KEYS.enter, (frame) =>
      frame.includes('Sync s3://acme-logs/ to s3://acme-backups/'),
    );
    expect(plan).not.toContain('Large copy');
    expect(plan).not.toContain('DataSync');
    await view.press('y', (frame) => frame.includes('sync: 4 copied'));
    expect(s3.calls.at(-1)).toBe(
      'sync copy s3://acme-logs/ s3://acme-backups/',
    );
    expect(created(s3Jobs.calls)).toEqual([]);
  });

  it('read-only: the large plan is shown as a dry run and nothing is created or probed', async () => {
    const { view, s3Jobs } = await planCopy({
      config: lowThreshold(true),
      readOnly: true,
    });
    await view.press(KEYS.enter, (frame) =>
      frame.includes('read-only: the plan above was not run'),
    );
    expect(s3Jobs.calls).toEqual([]);
  });

  it('checks the bucket name of an s3:// location before any request', async () => {
    const { view, s3 } = await planCopy({ source: 's3://Bad_Bucket!/' });
    const frame = await view.waitFor(
      (text) => text.includes('cannot be a bucket'),
      'the name refused as it is typed',
    );
    expect(frame).toContain('uppercase');
    expect(s3.calls.filter((call) => call.startsWith('sync'))).toEqual([]);
  });
});
