import { describe, expect, it } from 'vitest';

import { AwsError } from '../../../source/aws/aws-errors.js';
import { openConsole } from '../../helpers/console.js';

import { KEYS } from '../../helpers/keys.js';
import { lines } from '../../helpers/render.js';

describe('credential and config problems', () => {
  it('opens with a plain explanation when there are no credentials', async () => {
    const { view, deps } = await openConsole({
      whoAmI: () =>
        Promise.reject(
          new AwsError('no-credentials', 'no AWS credentials found', {
            hint: 'run aws configure or aws configure sso, set AWS_PROFILE, or try opsdeck --demo',
          }),
        ),
    });
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
    const { view } = await openConsole({
      whoAmI: () =>
        Promise.reject(
          new AwsError(
            'sso-login',
            'SSO session for profile dev is missing or expired',
            { hint: 'run: aws sso login --profile dev' },
          ),
        ),
    });
    const frame = await view.waitFor((text) =>
      text.includes('aws sso login --profile dev'),
    );
    expect(lines(frame)[0]).toContain('SSO login needed');
    view.unmount();
  });

  it('opens read-only with the config error when the config file is broken', async () => {
    const { view, deps } = await openConsole({
      configProblems: [
        '/home/ops/.config/opsdeck/config.yaml: unknown field profiles.prod.readonly',
      ],
      size: { columns: 120, rows: 30 },
    });
    const frame = await view.waitFor((text) =>
      text.includes('unknown field profiles.prod.readonly'),
    );
    expect(lines(frame)[0]).toContain('READ-ONLY');
    expect(frame).toContain('writes are blocked until it is fixed');
    expect(deps.sessions[0]?.guard.readOnly).toBe(true);
    view.unmount();
  });
});
