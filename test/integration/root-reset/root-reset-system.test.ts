/**
 * CI only (OPSDECK_SYSTEM_MARIADB=1, set by .ci/run; never on by default): the
 * wizard against Debian's own `mariadb` service, started with `service
 * mariadb start`, reached as root through the lab's sshd. This is the SysV
 * path on the real package; it changes that server's root password.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import type { SshSession } from '../../../source/ssh/ssh-session.js';
import {
  defaultOptions,
  planOf,
} from '../../../source/wizards/root-reset/plan.js';
import {
  detectServer,
  runReset,
} from '../../../source/wizards/root-reset/reset-service.js';
import type {
  ResetOptions,
  ResetResult,
} from '../../../source/wizards/root-reset/types.js';
import { rootShell } from '../../../source/wizards/root-reset/detect/remote-root.js';
import { rootOverSocket, rootOverTcp } from '../../helpers/mysql-login.js';
import { sshd } from './root-reset-lab.js';
import { openLabSsh } from '../ssh/ssh-lab.js';

const wanted = process.env['OPSDECK_SYSTEM_MARIADB'] === '1';
const SYSTEM_PORT = 3306;

const login = (options: { password?: string; socket?: boolean }) =>
  options.socket
    ? rootOverSocket('/run/mysqld/mysqld.sock')
    : rootOverTcp(SYSTEM_PORT, options.password ?? '');

describe.skipIf(!wanted || !sshd.info)(
  `reset of the system mariadb service (SysV)${sshd.missing}`,
  () => {
    let ssh: SshSession;
    beforeAll(() => {
      execFileSync('service', ['mariadb', 'start'], { stdio: 'ignore' });
      ssh = openLabSsh();
    }, 120000);
    afterAll(async () => {
      await ssh?.close();
    });

    async function reset(
      password: string,
      options: Partial<ResetOptions>,
    ): Promise<ResetResult> {
      const connected = await detectServer({
        ssh,
        port: SYSTEM_PORT,
        socket: undefined,
        server: undefined,
        sudoPassword: undefined,
      });
      expect(connected.detection).toMatchObject({
        flavour: 'mariadb',
        manager: { kind: 'sysv', script: '/etc/init.d/mariadb' },
        serverUser: 'mysql',
        runtimeDir: '/run/mysqld',
      });
      const plan = planOf(connected.detection, {
        ...defaultOptions(connected.detection),
        ...options,
      });
      return runReset(connected, plan, password, () => undefined, {
        ssh,
        tunnelPort: SYSTEM_PORT,
        guard: createWriteGuard(false),
      });
    }

    it('finds root over the socket and changes the password without a restart, socket kept', async () => {
      const first = "Sys-V 'first' $1 \\ é";
      const result = await reset(first, {});
      expect(result.remote).toMatchObject({
        ok: true,
        socketLogin: true,
        serverState: 'running',
      });
      expect(result.tunnelLogin?.ok).toBe(true);
      expect(await login({ password: first })).toBe(true);
      expect(await login({ socket: true })).toBe(true);
    }, 180000);

    it('resets through the init script with an init file, and the earlier password stops working', async () => {
      const before = "Sys-V 'first' $1 \\ é";
      const second = 'Sys-V second, via init file';
      const result = await reset(second, { method: 'init-file' });
      expect(result.remote).toMatchObject({
        ok: true,
        password: 'new',
        socketLogin: true,
        leftFiles: [],
      });
      expect(await login({ password: second })).toBe(true);
      expect(await login({ password: before })).toBe(false);
      expect(await login({ socket: true })).toBe(true);
      const server = execFileSync('ps', ['-o', 'args=', '-C', 'mariadbd'], {
        encoding: 'utf8',
      });
      expect(server).not.toMatch(/init-file|skip-grant/);
      expect(
        execFileSync('sh', ['-c', 'ls /run/mysqld'], { encoding: 'utf8' }),
      ).not.toContain('opsdeck-init');
    }, 180000);
  },
);

const sudo =
  execFileSync('sh', ['-c', 'command -v sudo || true'], {
    encoding: 'utf8',
  }).trim() !== '';

describe.skipIf(!sshd.info || !sudo)(
  `the reset's root shell through sudo${sshd.missing}${sudo ? '' : ' (sudo not installed)'}`,
  () => {
    it('runs a script as root through sudo, stdin intact, when the SSH user is not root', async () => {
      const ssh = openLabSsh();
      try {
        // The lab's SSH user is root here: answer `id -u` as a plain user would, to take the sudo path.
        const asUser: SshSession = {
          ...ssh,
          exec: (command, options) =>
            command === 'id -u'
              ? Promise.resolve({
                  code: 0,
                  signal: undefined,
                  stdout: '1000\n',
                  stderr: '',
                })
              : ssh.exec(command, options),
        };
        await ssh.connect();
        const root = await rootShell(asUser, 'unused-when-sudo-does-not-ask');
        expect(root.viaSudo).toBe(true);
        const result = await root.script(
          'main() { id -u; cat; echo " $1"; }\nmain "$@"\n',
          ["it's"],
        );
        expect(result.stdout).toBe("0\n it's\n");
      } finally {
        await ssh.close();
      }
    });
  },
);
