import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSshSession } from '../../source/ssh/ssh-session.js';
import { readFileSync } from 'node:fs';
import {
  keygen,
  privateSshd,
  recordingPrompts,
  sshd,
  tempHome,
} from './ssh-lab.js';

describe.skipIf(!sshd.info)(
  `encrypted keys against a private OpenSSH${sshd.missing}`,
  () => {
    let server: Awaited<ReturnType<typeof privateSshd>>;
    let key: string;
    const passphrase = `k3y pass ${Date.now()}`;
    beforeAll(async () => {
      server = await privateSshd();
      key = keygen(
        join(mkdtempSync(join(tmpdir(), 'opsdeck-enc-key-')), 'id_ed25519'),
        passphrase,
      );
      server.authorize(`${key}.pub`);
    });
    afterAll(() => server.stop());

    const target = () => ({
      host: server.host,
      port: server.port,
      user: server.user,
      identityFile: key,
      agent: false,
    });

    it('gives up with a clear message when the passphrase prompt is cancelled', async () => {
      const { environment } = tempHome({
        knownHosts: readFileSync(server.knownHostsPath, 'utf8'),
      });
      const recording = recordingPrompts({ passphrase: [] });
      const session = createSshSession({
        target: target(),
        prompts: recording.prompts,
        environment,
      });
      try {
        await expect(session.connect()).rejects.toThrow(
          /SSH login to .* was refused/,
        );
        expect(recording.asked).toHaveLength(1);
      } finally {
        await session.close();
      }

      it('asks for the passphrase, again after a wrong one, and keeps the key for reconnects only in memory', async () => {
        const { environment } = tempHome({
          knownHosts: readFileSync(server.knownHostsPath, 'utf8'),
        });
        const recording = recordingPrompts({
          passphrase: ['wrong', passphrase],
        });
        const session = createSshSession({
          target: target(),
          prompts: recording.prompts,
          environment,
        });
        try {
          expect((await session.exec('echo in')).stdout).toBe('in\n');
          expect(recording.asked).toEqual([
            `Passphrase for ${key}`,
            `Wrong passphrase; passphrase for ${key}`,
          ]);
          expect(session.generation()).toBe(1);
        } finally {
          await session.close();
        }
      });
    });
  },
);
