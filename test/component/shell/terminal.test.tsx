import { describe, expect, it } from 'vitest';

import { ProgressBar } from '../../../components/widgets/ProgressBar.js';
import { colorWanted, createTheme } from '../../../components/theme.js';
import { AwsError } from '../../../source/aws/aws-errors.js';
import { snapshot } from '../../../source/jobs/progress.js';
import { openConsole } from '../../helpers/console.js';

import { KEYS } from '../../helpers/keys.js';
import { withProviders } from '../../helpers/providers.js';
import { lines, renderAt } from '../../helpers/render.js';

// Foreground colour sequences (ESC [ 3x m, 9x m, 38;...).
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[(3[0-79]|9[0-7]|38;)`);

describe('theme', () => {
  it('takes NO_COLOR as no colour at all', async () => {
    expect(colorWanted({ NO_COLOR: '1' })).toBe(false);
    expect(colorWanted({ NO_COLOR: '' })).toBe(true);
    const { view } = await openConsole({
      theme: createTheme({ color: false, ascii: false }),
    });
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    await view.press('?', (frame) => frame.includes('Help'));
    for (const frame of view.raw.frames) expect(frame).not.toMatch(COLOUR);
    view.unmount();
  });

  it('draws colour when allowed', async () => {
    const { view } = await openConsole();
    await view.waitFor((frame) => frame.includes('dev@us-east-1'));
    expect(view.raw.lastFrame()).toMatch(COLOUR);
    view.unmount();
  });

  it('draws with ASCII only under --ascii, dialogs and help included', async () => {
    const { view } = await openConsole({
      whoAmI: () =>
        Promise.reject(
          new AwsError('no-credentials', 'no AWS credentials found', {
            hint: 'run aws configure',
          }),
        ),
      theme: createTheme({ color: true, ascii: true }),
    });
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
        bytesDone: 52 * 1024 * 1024,
        bytesTotal: 100 * 1024 * 1024,
        itemsDone: 40,
        itemsTotal: 80,
      },
      4 * 1024 * 1024,
    );
    const { tree } = withProviders(
      <ProgressBar
        title="sync ./site s3://www"
        progress={progress}
        width={110}
      />,
    );
    const view = await renderAt(<>{tree}</>, { columns: 110, rows: 10 });
    const frame = await view.waitFor((text) => text.includes('52%'));
    expect(lines(frame)).toHaveLength(1);
    expect(frame).toContain(
      '52 MiB/100 MiB · 40/80 items · 4 MiB/s · ETA 0:12',
    );
    expect(frame).toContain('sync ./site s3://www');
  });
});
