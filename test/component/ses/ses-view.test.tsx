/**
 * :ses at 80x24: nothing secret until Enter, the password once asked for,
 * c copies it with OSC 52, leaving the view clears it; refusals in place.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../source/lib/errors.js';
import { openConsole } from '../../helpers/console.js';
import { FAKE_SMTP } from '../../helpers/fakes/fake-deps.js';
import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

const size = { columns: 80, rows: 24 };

describe(':ses view', () => {
  it('shows the credentials once on request, copies, and clears them on leaving', async () => {
    const { view } = await openConsole({ pane: 'regions', size });
    await view.waitFor((frame) => frame.includes('Regions'), 'the regions');
    await view.press(':');
    await view.press('ses');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Enter shows them once'),
    );
    expect(view.frame()).not.toContain(FAKE_SMTP.password);
    await view.press(KEYS.enter, (frame) =>
      frame.includes(`Password  ${FAKE_SMTP.password}`),
    );
    expect(view.frame()).toContain(`User      ${FAKE_SMTP.user}`);
    expect(view.frame()).toContain(
      'SES here: 200 messages a day, 1 a second (sandbox',
    );
    await view.press('c', (frame) =>
      frame.includes('copied the SMTP password'),
    );
    const written = view.raw.frames.join('');
    expect(written).toContain(
      `]52;c;${Buffer.from(FAKE_SMTP.password).toString('base64')}`,
    );
    await view.press(KEYS.escape, (frame) => frame.includes('Regions'));
    expect(view.frame()).not.toContain(FAKE_SMTP.password);
    await view.press(':');
    await view.press('ses');
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Enter shows them once'),
    );
    expect(view.frame()).not.toContain(FAKE_SMTP.password);
    for (const frame of view.frames()) {
      const frameLines = lines(frame);
      expect(frameLines.length).toBeLessThan(size.rows);
      for (const line of frameLines)
        expect(line.length).toBeLessThanOrEqual(size.columns);
    }
    view.unmount();
  });

  it('shows a refusal in place and has nothing to copy', async () => {
    const { view } = await openConsole({
      pane: 'ses',
      size,
      ses: {
        smtpCredentials: () =>
          Promise.reject(
            new UserError('Amazon SES has no SMTP endpoint in ap-east-1'),
          ),
      },
    });
    await view.waitFor((frame) => frame.includes('Enter shows them once'));
    await view.press(KEYS.enter, (frame) =>
      frame.includes('Amazon SES has no SMTP endpoint in ap-east-1'),
    );
    await view.press('c', (frame) => frame.includes('nothing to copy'));
    expect(view.raw.frames.join('')).not.toContain(']52;');
    view.unmount();
  });
});
