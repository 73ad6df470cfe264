import { describe, expect, it } from 'vitest';
import { App } from '../../components/App.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { colorWanted, createTheme } from '../../components/theme.js';
import { AwsError } from '../../source/aws/aws-errors.js';
import { snapshot } from '../../source/jobs/progress.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { KEYS } from '../helpers/keys.js';
import { withProviders } from '../helpers/providers.js';
import { lines, renderAt } from '../helpers/render.js';

// Foreground colour sequences (ESC [ 3x m, 9x m, 38;...).
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[(3[0-79]|9[0-7]|38;)`);

describe('theme', () => {
  it('takes NO_COLOR as no colour at all', async () => {
    expect(colorWanted({ NO_COLOR: '1' })).toBe(false);
    expect(colorWanted({ NO_COLOR: '' })).toBe(true);
    const deps = fakeDeps();
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: false, ascii: false })}
        initialPane="regions"
      />,
    );
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    await view.press('?', (frame) => frame.includes('Help'));
    for (const frame of view.raw.frames) expect(frame).not.toMatch(COLOUR);
    view.unmount();
  });

  it('draws colour when allowed', async () => {
    const view = await renderAt(
      <App
        deps={fakeDeps()}
        theme={createTheme({ color: true, ascii: false })}
        initialPane="regions"
      />,
    );
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    expect(view.raw.lastFrame()).toMatch(COLOUR);
    view.unmount();
  });

  it('draws with ASCII only under --ascii, dialogs and help included', async () => {
    const deps = fakeDeps({
      whoAmI: () =>
        Promise.reject(
          new AwsError('no-credentials', 'no AWS credentials found', {
            hint: 'run aws configure',
          }),
        ),
    });
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: true, ascii: true })}
        initialPane="regions"
      />,
    );
    await view.waitFor((frame) => frame.includes('no credentials'));
    await view.press('/');
    await view.press('west', (frame) => frame.includes('(2/3)'));
    await view.press(KEYS.enter, (frame) => !frame.includes('Enter keeps'));
    await view.press('?', (frame) => frame.includes('Help'));
    for (const frame of view.frames())
      expect(frame.replace(/[\n\r]/g, '')).toMatch(/^[\u0020-\u007E]*$/);
    view.unmount();
  });
});

describe('progress bar', () => {
  it('shows percentage, bytes, items, rate and ETA in one line', async () => {
    const progress = snapshot(
      {
        bytesDone: 52_000_000,
        bytesTotal: 100_000_000,
        itemsDone: 40,
        itemsTotal: 80,
      },
      4_000_000,
    );
    const { tree } = withProviders(
      <ProgressBar
        title="sync ./site s3://www"
        progress={progress}
        width={100}
      />,
    );
    const view = await renderAt(<>{tree}</>, { columns: 100, rows: 10 });
    const frame = await view.waitFor((text) => text.includes('52%'));
    expect(lines(frame)).toHaveLength(1);
    expect(frame).toContain('52 MB/100 MB · 40/80 items · 4 MB/s · ETA 0:12');
    expect(frame).toContain('sync ./site s3://www');
  });
});

describe('Ctrl+C and quitting', () => {
  it('first cancels running work and warns, then a second press quits', async () => {
    const deps = fakeDeps();
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: true, ascii: false })}
        initialPane="regions"
      />,
    );
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
    const deps = fakeDeps();
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: true, ascii: false })}
        initialPane="regions"
      />,
    );
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
    const deps = fakeDeps();
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: true, ascii: false })}
        initialPane="regions"
      />,
    );
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    view.raw.stdin.write('q');
    await view.waitFor(
      () => view.raw.stdin.listenerCount('readable') === 0,
      'the app to exit',
    );
    expect(deps.closed).toEqual([deps.sessions[0]?.id]);
  });
});

describe('credential and config problems', () => {
  it('opens with a plain explanation when there are no credentials', async () => {
    const deps = fakeDeps({
      whoAmI: () =>
        Promise.reject(
          new AwsError('no-credentials', 'no AWS credentials found', {
            hint: 'run aws configure or aws configure sso, set AWS_PROFILE, or try opsdeck --demo',
          }),
        ),
    });
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: true, ascii: false })}
        initialPane="regions"
      />,
    );
    const frame = await view.waitFor((text) =>
      text.includes('no AWS credentials found'),
    );
    expect(lines(frame)[0]).toContain('✕ no credentials');
    expect(frame).toContain(
      'run aws configure or aws configure sso, set AWS_PROFILE, or try opsdeck --demo',
    );
    const help = await view.press(':');
    expect(help).toContain(':');
    await view.press('whoami');
    const whoami = await view.press(KEYS.enter, (text) =>
      text.includes('whoami (Esc back)'),
    );
    expect(whoami).toContain('How to configure credentials');
    expect(
      deps.events
        .getSnapshot()
        .some(
          (event) =>
            event.source === 'identity' &&
            event.message.startsWith('no AWS credentials found'),
        ),
    ).toBe(true);
    view.unmount();
  });

  it('says which aws sso login to run', async () => {
    const deps = fakeDeps({
      whoAmI: () =>
        Promise.reject(
          new AwsError(
            'sso-login',
            'SSO session for profile dev is missing or expired',
            { hint: 'run: aws sso login --profile dev' },
          ),
        ),
    });
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: true, ascii: false })}
        initialPane="regions"
      />,
    );
    const frame = await view.waitFor((text) =>
      text.includes('aws sso login --profile dev'),
    );
    expect(lines(frame)[0]).toContain('SSO login needed');
    view.unmount();
  });

  it('opens read-only with the config error when the config file is broken', async () => {
    const deps = fakeDeps({
      configProblems: [
        '/home/ops/.config/opsdeck/config.yaml: unknown field profiles.prod.readonly',
      ],
    });
    const view = await renderAt(
      <App
        deps={deps}
        theme={createTheme({ color: true, ascii: false })}
        initialPane="regions"
      />,
      { columns: 120, rows: 30 },
    );
    const frame = await view.waitFor((text) =>
      text.includes('unknown field profiles.prod.readonly'),
    );
    expect(lines(frame)[0]).toContain('READ-ONLY');
    expect(frame).toContain('writes are blocked until it is fixed');
    expect(deps.sessions[0]?.guard.readOnly).toBe(true);
    view.unmount();
  });
});
