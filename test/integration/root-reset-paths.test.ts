import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptedMariaDb } from '../../source/lab/scripted-mariadb.js';
import type { SshSession } from '../../source/ssh/ssh-session.js';
import {
  leftovers,
  OLD_PASSWORD,
  openSsh,
  removeServerDir,
  reset,
  serverLogs,
  sshd,
  startResetServer,
  tcpLogin,
} from './root-reset-lab.js';

describe.skipIf(!sshd.info)(
  `root-password reset on a scripted MariaDB${sshd.missing}`,
  () => {
    let server: ScriptedMariaDb;
    let ssh: SshSession;
    beforeAll(async () => {
      server = await startResetServer(false);
      ssh = openSsh();
    }, 60000);
    afterAll(async () => {
      await ssh?.close();
      await server?.stop();
      if (server) removeServerDir(server);
    });

    it('resets by the init file: new password in, old out, no plaintext in the logs, nothing left', async () => {
      const password = `in'it "file" \\ $HOME é ☃ x`;
      const { result, events, connected } = await reset(ssh, server, password, {
        method: 'init-file',
      });
      expect(connected.detection.manager.kind).toBe('custom');
      expect(result.remote).toMatchObject({
        ok: true,
        serverState: 'running',
        password: 'new',
      });
      expect(result.tunnelLogin?.ok).toBe(true);
      expect(
        events
          .filter((e) => e.kind === 'step' && e.status === 'done')
          .map((e) => e.kind === 'step' && e.id),
      ).toEqual([
        'check',
        'write-init-file',
        'stop-server',
        'start-with-init-file',
        'confirm-login',
        'remove-init-file',
        'restart-normally',
        'check-normal',
      ]);
      expect(await tcpLogin(server, password)).toBe(true);
      expect(await tcpLogin(server, OLD_PASSWORD)).toBe(false);
      expect(leftovers(server)).toEqual([]);
      expect(serverLogs(server)).not.toContain(password);
    }, 120000);
  },
);
