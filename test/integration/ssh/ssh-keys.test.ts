import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSshSession } from '../../../source/ssh/ssh-session.js';
import {
  keygen,
  privateSshd,
  recordingPrompts,
  sshd,
  tempHome,
} from './ssh-lab.js';
import { killSshd, restartSshd } from './ssh-process.js';

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

    const open = (answers: string[]) => {
      const { environment } = tempHome({
        knownHosts: readFileSync(server.knownHostsPath, 'utf8'),
      });
      const recording = recordingPrompts({ passphrase: answers });
      const target = {
        host: server.host,
        port: server.port,
        user: server.user,
        identityFile: key,
        agent: false,
      };
      return {
        recording,
        session: createSshSession({
          target,
          prompts: recording.prompts,
          environment,
        }),
      };
    };

    it('gives up with a clear message when the passphrase prompt is cancelled', async () => {
      const { recording, session } = open([]);
      try {
        await expect(session.connect()).rejects.toThrow(
          /SSH login to .* was refused/,
        );
        expect(recording.asked).toEqual([`Passphrase for ${key}`]);
      } finally {
        await session.close();
      }
    });

    it('asks for the passphrase, again after a wrong one, and keeps the key in memory across a reconnect', async () => {
      const { recording, session } = open(['wrong', passphrase]);
      try {
        expect((await session.exec('echo in')).stdout).toBe('in\n');
        expect(recording.asked).toEqual([
          `Passphrase for ${key}`,
          `Wrong passphrase; passphrase for ${key}`,
        ]);
        killSshd(server.dir);
        const again = await restartSshd(server.dir, server.port);
        try {
          for (
            let waited = 0;
            session.state() === 'connected' && waited < 3000;
            waited += 50
          )
            await new Promise((resolve) => setTimeout(resolve, 50));
          expect(session.state()).toBe('disconnected');
          expect((await session.exec('echo again')).stdout).toBe('again\n');
          expect(session.generation()).toBe(2);
          expect(recording.asked).toHaveLength(2);
        } finally {
          await session.close();
          await again.stop();
        }
      } finally {
        await session.close();
      }
    });
  },
);
