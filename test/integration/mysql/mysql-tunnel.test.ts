import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueryConsole } from '../../../source/mysql/query/query-console.js';
import type { GuardedProcess } from '../../../source/lab/guarded-process.js';
import { labEndpoint, openLabMysql } from './mysql-lab.js';
import { bundleChild, killSshd, restartSshd } from '../ssh/ssh-process.js';
import {
  labKnownHosts,
  labTarget,
  mariadb,
  privateSshd,
  sshd,
  tempHome,
} from '../ssh/ssh-lab.js';

const ready = sshd.info && mariadb.info;

describe.skipIf(!ready)(
  `the MySQL tunnel when SSH fails, and at exit${sshd.missing}${mariadb.missing}`,
  () => {
    let server: Awaited<ReturnType<typeof privateSshd>>;
    let again: GuardedProcess | undefined;
    beforeAll(async () => {
      server = await privateSshd();
    });
    afterAll(async () => {
      await again?.stop();
      await server.stop();
    });

    it('reports a clear error when sshd dies mid-query, then reconnects on the next action', async () => {
      const lab = openLabMysql({
        ssh: {
          target: {
            host: server.host,
            port: server.port,
            user: server.user,
            identityFile: server.keyPath,
            agent: false,
          },
          knownHosts: readFileSync(server.knownHostsPath, 'utf8'),
        },
      });
      try {
        await lab.session.connect();
        expect(lab.session.state()).toBe('connected');
        const console = createQueryConsole(lab.session);
        const running = console.run('SELECT SLEEP(20)').then(
          () => 'finished',
          (error: Error) => error.message,
        );
        for (let waited = 0; !console.running() && waited < 2000; waited += 20)
          await new Promise((resolve) => setTimeout(resolve, 20));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const killedAt = Date.now();
        expect(killSshd(server.dir).length).toBeGreaterThan(1);
        expect(await running).toMatch(
          /the MySQL connection through .* was lost/,
        );
        expect(Date.now() - killedAt).toBeLessThan(5000);
        expect(lab.ssh.state()).toBe('disconnected');
        expect(lab.session.state()).toBe('disconnected');
        await expect(lab.session.rows('SELECT 1 AS one')).rejects.toThrow(
          /SSH connection to .* refused/,
        );
        again = await restartSshd(server.dir, server.port);
        expect(await lab.session.rows('SELECT 1 AS one')).toEqual([{ one: 1 }]);
        expect(lab.session.state()).toBe('connected');
        expect(await console.run('SELECT 2 AS two')).toMatchObject({
          rows: [['2']],
        });
        // The password was asked once for the whole story.
        expect(lab.asked).toHaveLength(1);
        await console.close();
      } finally {
        await lab.close();
      }
    });

    it('lets the process exit after close with a tunnel, a console and an exec channel open', async () => {
      const child = await bundleChild(
        `
      import { createSshSession } from './source/ssh/ssh-session.ts';
      import { createMysqlSession } from './source/mysql/mysql-session.ts';
      import { createQueryConsole } from './source/mysql/query/query-console.ts';
      import { createWriteGuard } from './source/safety/read-only.ts';
      import { createEventLog } from './source/events/event-log.ts';
      const options = JSON.parse(process.argv[2]);
      const prompts = { ask: async () => options.password, confirmHostKey: async () => false };
      const ssh = createSshSession({ target: options.target, prompts, environment: options.environment });
      const session = createMysqlSession({ ssh, target: { endpoint: options.endpoint, user: 'root' }, ask: prompts.ask,
        guard: createWriteGuard(false), events: createEventLog() });
      const console = createQueryConsole(session);
      await console.run('SELECT 1');
      const [row] = await session.rows('SELECT 2 AS two');
      const tail = await ssh.openExec('sleep 30');
      process.stdout.write(JSON.stringify({ two: row.two, state: session.state() }));
      await session.close();
      await ssh.close();
      `,
        'tunnel-exit',
      );
      const { environment } = tempHome({ knownHosts: labKnownHosts() });
      const args = JSON.stringify({
        target: labTarget(),
        environment,
        endpoint: labEndpoint(),
        password: mariadb.info!.rootPassword,
      });
      const started = Date.now();
      const result = await new Promise<{
        code: number | null;
        stdout: string;
        stderr: string;
      }>((resolve) => {
        const proc = spawn(process.execPath, [child, args], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
        proc.on('exit', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr });
        });
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({ two: 2, state: 'connected' });
      expect(result.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  },
);
