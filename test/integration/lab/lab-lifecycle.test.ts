import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { portOpen } from '../../../source/lab/ports.js';
import { describe, expect, it } from 'vitest';
import { startLab } from '../../../source/lab/lab.js';
import { builtCli } from '../../helpers/built-cli.js';
import { labPart } from '../../helpers/lab.js';

const sshd = labPart('sshd');

async function until(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe.skipIf(!sshd.info)(`lab lifecycle${sshd.missing}`, () => {
  it('stops what it started and removes its directory', async () => {
    const lab = await startLab({ parts: ['sshd'] });
    const port = lab.sshd?.port ?? 0;
    expect(await portOpen(port)).toBe(true);
    await lab.stop();
    expect(await portOpen(port)).toBe(false);
    expect(existsSync(lab.dir)).toBe(false);
  });

  it('leaves nothing running when the process that started it is killed with SIGKILL', async () => {
    // `opsdeck lab --json` prints where the lab is, then waits for Ctrl+C.
    const child = spawn(
      process.execPath,
      [builtCli(), 'lab', '--parts', 'sshd', '--json'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const said = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    const { sshd: started, dir } = JSON.parse(said) as {
      sshd: { port: number };
      dir: string;
    };
    expect(await portOpen(started.port)).toBe(true);
    child.kill('SIGKILL');
    expect(await until(async () => !(await portOpen(started.port)))).toBe(true);
    // The lab's reaper removes the directory once its owner is gone.
    expect(await until(async () => Promise.resolve(!existsSync(dir)))).toBe(
      true,
    );
  });

  it('stops when the program that started it closes its stdin pipe, or dies', async () => {
    const child = spawn(
      process.execPath,
      [builtCli(), 'lab', '--parts', 'sshd', '--json'],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    const said = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    const { sshd: started } = JSON.parse(said) as { sshd: { port: number } };
    expect(await portOpen(started.port)).toBe(true);
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(await portOpen(started.port)).toBe(false);
  });

  it('exits on SIGTERM while its stdin pipe is still open', async () => {
    const child = spawn(
      process.execPath,
      [builtCli(), 'lab', '--parts', 'sshd', '--json'],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    const said = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    const { sshd: started } = JSON.parse(said) as { sshd: { port: number } };
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await portOpen(started.port)).toBe(false);
  });
});
