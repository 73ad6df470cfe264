/**
 * The console always dies when told to, and takes everything it started
 * with it: SIGTERM and SIGHUP (a dropped SSH session) in the middle of the
 * heaviest view end the demo within seconds and leave no lab process; after
 * a SIGKILL, the lab's reaper stops even the reset target's MariaDB (started
 * by its own scripts) and removes the lab's directory.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from '../helpers/built-cli.js';
import { labPart } from '../helpers/lab.js';
import { runInPty, type PtyScreen } from '../helpers/pty-screen.js';

const moto = labPart('moto');
const mariadb = labPart('mariadb');
const sshd = labPart('sshd');
const missing = moto.missing || mariadb.missing || sshd.missing;

/** The lab directory that the process `pid` made. */
function labDirOf(pid: number): string | undefined {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('opsdeck-lab-')) continue;
    const owner = join(tmpdir(), name, 'owner.pid');
    try {
      if (readFileSync(owner, 'utf8').trim() === String(pid))
        return join(tmpdir(), name);
    } catch {
      // Not a lab, or one being removed.
    }
  }
  return undefined;
}

/** Processes whose command line names the directory. */
function processesUsing(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (command.includes(dir))
        found.push(`${entry}: ${command.replace(/\0/g, ' ').slice(0, 120)}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

async function openDemo(): Promise<{ app: PtyScreen; dir: string }> {
  const app = runInPty(process.execPath, [builtCli(), '--demo'], {
    columns: 80,
    rows: 24,
  });
  await app.waitFor(
    (screen) => screen.includes('Instances ('),
    'the instances',
    60_000,
  );
  const dir = labDirOf(app.pid);
  if (!dir) throw new Error('the demo made no lab directory');
  // The reset target runs under its own scripts: the hardest part to stop.
  expect(processesUsing(dir).some((line) => line.includes('mariadbd'))).toBe(
    true,
  );
  return { app, dir };
}

/** `v` on a 10 MiB object of control bytes: the view that froze the console. */
async function viewBinaryObject(app: PtyScreen): Promise<void> {
  app.type(':s3\r');
  await app.waitFor(
    (screen) => screen.includes('opsdeck-lab-backups'),
    'the buckets',
  );
  app.type('/backups\r');
  await app.waitFor((screen) => /\(1\/\d+\)/.test(screen), 'the filter');
  app.type('\r');
  await app.waitFor((screen) => screen.includes('db/'), 'the bucket');
  app.type('\r');
  await app.waitFor(
    (screen) => screen.includes('shop-2026-11-20.sql.gz'),
    'the dumps',
  );
  app.type('v');
  await app.waitFor(
    (screen) => screen.includes('binary: hex of the first 64 KiB'),
    'the hex view',
    15_000,
  );
}

describe.skipIf(missing !== '')(`signals${missing}`, () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`ends on ${signal} in the middle of a binary object's view, leaving no lab process`, async () => {
      const { app, dir } = await openDemo();
      try {
        await viewBinaryObject(app);
        // The console still answers: the hex view scrolls.
        app.type('G');
        await app.waitFor((screen) => screen.includes('00fff0'), 'the end');
        process.kill(app.pid, signal);
        const exit = await Promise.race([
          app.exited,
          new Promise<string>((resolve) =>
            setTimeout(() => resolve('still running'), 6_000),
          ),
        ]);
        expect(exit).toBe(code);
        expect(await until(() => processesUsing(dir).length === 0, 6_000)).toBe(
          true,
        );
        expect(await until(() => !existsSync(dir), 6_000)).toBe(true);
      } finally {
        app.kill();
      }
    }, 120_000);
  }

  it('stops every lab server and removes the lab after a SIGKILL', async () => {
    const { app, dir } = await openDemo();
    try {
      process.kill(app.pid, 'SIGKILL');
      await app.exited;
      expect(
        await until(() => processesUsing(dir).length === 0, 10_000),
      ).toEqual(true);
      expect(await until(() => !existsSync(dir), 6_000)).toBe(true);
    } finally {
      app.kill();
    }
  }, 120_000);
});
