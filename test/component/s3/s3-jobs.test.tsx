import { describe, expect, it } from 'vitest';
import { openConsole } from '../../helpers/console.js';
import {
  batchJob,
  createFakeS3Jobs,
} from '../../helpers/fakes/fake-s3-jobs.js';
import { KEYS } from '../../helpers/keys.js';

function jobs() {
  const fake = createFakeS3Jobs([
    batchJob(),
    batchJob({
      id: 'arn:aws:datasync:us-east-1:111111111111:task/task-1/execution/exec-1',
      engine: 'datasync',
      name: 'opsdeck copy logs to logs-eu',
      status: 'SUCCESS',
      phase: 'done',
      created: new Date('2026-11-30T10:00:00Z'),
      total: 40,
      succeeded: 40,
      failed: 0,
    }),
  ]);
  fake.failureRows.set(batchJob().id, [
    { key: 'photos/a.jpg', code: 'AccessDenied', message: 'by policy' },
  ]);
  return fake;
}

describe(':s3-jobs at 80x24', () => {
  it('lists both engines with status and progress; the detail shows the first failed objects', async () => {
    const s3Jobs = jobs();
    const { view } = await openConsole({ pane: 's3-jobs', s3Jobs });
    const frame = await view.waitFor(
      (text) => text.includes('S3 copy jobs (2)'),
      'the jobs',
    );
    expect(frame).toMatch(/batch\s+Active\s+500,000\/2,000,000 · 12 failed/);
    expect(frame).toMatch(/datasync\s+SUCCESS\s+40\/40/);
    const detail = await view.press(KEYS.enter, (text) =>
      text.includes('First failed objects (1)'),
    );
    expect(detail).toContain('photos/a.jpg');
    expect(detail).toContain('AccessDenied by policy');
  });

  it('cancels an active job after yes, and nothing before', async () => {
    const s3Jobs = jobs();
    const { view } = await openConsole({ pane: 's3-jobs', s3Jobs });
    await view.waitFor((text) => text.includes('S3 copy jobs (2)'), 'the jobs');
    await view.press('X', (text) =>
      text.includes('Cancel the Batch Operations job'),
    );
    expect(s3Jobs.calls.filter((call) => call.startsWith('cancel'))).toEqual(
      [],
    );
    await view.press(KEYS.escape, (text) => !text.includes('Cancel the Batch'));
    expect(s3Jobs.calls.filter((call) => call.startsWith('cancel'))).toEqual(
      [],
    );
    await view.press('X', (text) =>
      text.includes('Cancel the Batch Operations job'),
    );
    await view.press('y', (text) => text.includes(': done'));
    expect(s3Jobs.calls).toContain(`cancel ${batchJob().id}`);
    await view.waitFor(
      (text) => /batch\s+Cancelled/.test(text),
      'the new status',
    );
  });

  it('read-only: cancel is refused without a call', async () => {
    const s3Jobs = jobs();
    const { view } = await openConsole({
      pane: 's3-jobs',
      s3Jobs,
      readOnly: true,
    });
    await view.waitFor((text) => text.includes('S3 copy jobs (2)'), 'the jobs');
    const frame = await view.press('X', (text) => text.includes('read-only'));
    expect(frame).toContain('read-only');
    expect(s3Jobs.calls.filter((call) => call.startsWith('cancel'))).toEqual(
      [],
    );
  });

  it('follows a job in the job strip; a job that has ended says how', async () => {
    const s3Jobs = jobs();
    const { view } = await openConsole({ pane: 's3-jobs', s3Jobs });
    await view.waitFor((text) => text.includes('S3 copy jobs (2)'), 'the jobs');
    // Succeeded and failed tasks together are the items done.
    await view.press('f', (text) => text.includes('500012/2000000 items'));
    await view.press('j');
    const ended = await view.press('f', (text) =>
      text.includes('opsdeck copy logs to logs-eu: SUCCESS'),
    );
    expect(ended).toContain('opsdeck copy logs to logs-eu: SUCCESS');
    view.unmount();
  });
});
