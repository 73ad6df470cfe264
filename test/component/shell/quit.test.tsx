import { describe, expect, it } from 'vitest';

import { openConsole } from '../../helpers/console.js';

import { KEYS } from '../../helpers/keys.js';

describe('Ctrl+C and quitting', () => {
  it('first cancels running work and warns, then a second press quits', async () => {
    const { view, deps } = await openConsole();
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    const job = deps.jobs.start(
      'rb s3://old-logs',
      ({ signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () =>
            reject(
              Object.assign(new Error('cancelled'), { name: 'AbortError' }),
            ),
          ),
        ),
    );
    await view.waitFor((frame) => frame.includes('rb s3://old-logs'));
    const cancelled = await view.press(KEYS.ctrlC, (frame) =>
      frame.includes('cancelled 1 running task; Ctrl+C again quits'),
    );
    expect(cancelled).not.toContain('rb s3://old-logs');
    await expect(job.result).rejects.toThrow('cancelled');
    expect(view.raw.stdin.listenerCount('readable')).toBeGreaterThan(0);
    view.raw.stdin.write(KEYS.ctrlC);
    // Ink lets go of stdin when the app exits.
    await view.waitFor(
      () => view.raw.stdin.listenerCount('readable') === 0,
      'the app to exit',
    );
  });

  it('asks before quitting while a job runs, with the focus on No', async () => {
    const { view, deps } = await openConsole();
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    deps.jobs.start(
      'sync ./site s3://www',
      ({ signal }) =>
        new Promise((resolve) => signal.addEventListener('abort', resolve)),
    );
    const dialog = await view.press('q', (frame) =>
      frame.includes('1 job is still running'),
    );
    expect(dialog).toContain('sync ./site s3://www');
    await view.press(KEYS.enter, (frame) => !frame.includes('still running'));
    expect(deps.jobs.running()).toBe(1);
    expect(view.raw.stdin.listenerCount('readable')).toBeGreaterThan(0);
    await view.press('q', (frame) => frame.includes('still running'));
    view.raw.stdin.write('y');
    await view.waitFor(
      () => view.raw.stdin.listenerCount('readable') === 0,
      'the app to exit',
    );
    expect(deps.jobs.running()).toBe(0);
  });

  it('quits at once with q when nothing runs, and closes the session', async () => {
    const { view, deps } = await openConsole();
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    view.raw.stdin.write('q');
    await view.waitFor(
      () => view.raw.stdin.listenerCount('readable') === 0,
      'the app to exit',
    );
    expect(deps.closed).toEqual([deps.sessions[0]?.id]);
  });
});
