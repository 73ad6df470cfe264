import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { SshSession } from '../../../source/ssh/ssh-session.js';
import { execSudo, sudoNeedsPassword } from '../../../source/ssh/sudo-exec.js';
import { openLabSsh, sshd } from './ssh-lab.js';

const sudo =
  spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!sshd.info || !sudo)(
  `sudo over SSH${sshd.missing}${sudo ? '' : ' (sudo not installed)'}`,
  () => {
    let session: SshSession;
    beforeAll(() => {
      session = openLabSsh();
    });
    afterAll(() => session.close());

    it('never hands the password to the command when sudo does not ask for one', async () => {
      const needs = await sudoNeedsPassword(session);
      const result = await execSudo(
        session,
        'id -u; cat',
        needs ? undefined : 'not-needed',
        { stdin: 'payload' },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('0\npayload');
      expect(result.stdout).not.toContain('not-needed');
    });

    // sudo does not ask root for a password, just as it does not ask a user
    // whose credentials are cached (timestamp_type=global): a password line
    // sent anyway must never reach the root shell.
    it('never runs the password line when sudo does not read it', async () => {
      const result = await execSudo(
        session,
        'sh -s',
        'echo INJECTED; touch /tmp/opsdeck-sudo-injected',
        { needsPassword: true, stdin: 'echo script ran\n' },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('script ran\n');
      expect(result.stdout).not.toContain('INJECTED');
    });
  },
);
