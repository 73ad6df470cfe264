import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWriteGuard,
  ReadOnlyError,
} from '../../../source/safety/read-only.js';
import type { SshSession } from '../../../source/ssh/ssh-session.js';
import {
  rootShell,
  type RootShell,
} from '../../../source/wizards/root-reset/detect/remote-root.js';
import {
  cancelRun,
  readLeftover,
  type Connected,
} from '../../../source/wizards/root-reset/reset-service.js';
import { fakeDetection } from '../../helpers/fakes/fake-root-reset.js';
import { openLabSsh, sshd } from '../ssh/ssh-lab.js';

const READ_ONLY = createWriteGuard(true, 'started with --read-only');

/** The lab's sshd runs on this machine: the run directory is a local one too. */
describe.skipIf(!sshd.info)(
  `reset runs left on the host, in read-only mode${sshd.missing}`,
  () => {
    let session: SshSession;
    let connected: Connected;
    const ran: string[] = [];
    const work = `/tmp/opsdeck-reset.${Math.random().toString(36).slice(2, 10).padEnd(8, 'x')}`;
    const running = spawn('sleep', ['60'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => running.once('exit', resolve));
    const alive = () => {
      try {
        process.kill(running.pid ?? 0, 0);
        return running.exitCode === null && running.signalCode === null;
      } catch {
        return false;
      }
    };

    beforeAll(async () => {
      mkdirSync(work, { mode: 0o700 });
      writeFileSync(`${work}/pid`, `${running.pid ?? ''}\n`);
      writeFileSync(`${work}/log`, '@@step check running\n');
      session = openLabSsh();
      const root = await rootShell(session, undefined);
      const recording: RootShell = {
        ...root,
        run: (command, options) => (
          ran.push(command),
          root.run(command, options)
        ),
        script: (text, args, options) => (
          ran.push(text),
          root.script(text, args, options)
        ),
      };
      connected = { root: recording, detection: fakeDetection() };
    });
    afterAll(async () => {
      running.kill();
      rmSync(work, { recursive: true, force: true });
      await session.close();
    });

    it('does not follow and remove an earlier run: no command reaches the host', async () => {
      await expect(
        readLeftover(connected, work, () => undefined, { guard: READ_ONLY }),
      ).rejects.toThrow(ReadOnlyError);
      expect(ran).toEqual([]);
      expect(existsSync(`${work}/log`)).toBe(true);
    });

    it('does not stop a run, and stops it once writes are allowed', async () => {
      await expect(cancelRun(connected, work, READ_ONLY)).rejects.toThrow(
        /read-only: mysql:StopResetRun was not sent/,
      );
      expect(ran).toEqual([]);
      expect(alive()).toBe(true);

      await cancelRun(connected, work, createWriteGuard(false));
      expect(ran).toHaveLength(1);
      expect(await exited).toBe(null);
      expect(alive()).toBe(false);
    });
  },
);
