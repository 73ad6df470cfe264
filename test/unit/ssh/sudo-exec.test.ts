import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  execSudo,
  sudoInvocation,
  sudoNeedsPassword,
} from '../../../source/ssh/sudo-exec.js';
import type { SshSession } from '../../../source/ssh/ssh-session.js';
import type { ExecOptions } from '../../../source/ssh/ssh-types.js';

function recordingSession(code = 0) {
  const runs: { command: string; stdin: string }[] = [];
  const session = {
    name: 'admin@db1',
    exec: (command: string, options: ExecOptions & { stdin?: Buffer } = {}) => {
      runs.push({ command, stdin: options.stdin?.toString('utf8') ?? '' });
      return Promise.resolve({ code, stdout: '', stderr: '' });
    },
  } as unknown as SshSession;
  return { session, runs };
}

describe('sudo with a password on stdin', () => {
  it('probes without cached credentials', async () => {
    const { session, runs } = recordingSession(1);
    expect(await sudoNeedsPassword(session)).toBe(true);
    expect(runs[0]?.command).toBe('sudo -k -n true');
  });

  it('sends the password to sudo -k -S, then a marker the command waits for', async () => {
    const { session, runs } = recordingSession();
    await execSudo(session, 'id -u', 'pw', {
      needsPassword: true,
      stdin: 'rest',
    });
    const run = runs[0];
    expect(run?.command).toMatch(/^sudo -k -S -p '' -- sh -c /);
    const marker = /\n(opsdeck-[0-9a-f]{24})\n/.exec(run?.stdin ?? '')?.[1];
    expect(marker).toBeDefined();
    expect(run?.stdin).toBe(`pw\n${marker}\nrest`);
    expect(run?.command).toContain(` sh ${marker} 'id -u'`);
    expect(run?.command).not.toContain('pw');
  });

  it('sends no password when sudo needs none, and never lets sudo read one', async () => {
    const { session, runs } = recordingSession();
    await execSudo(session, 'id -u', 'pw', {
      needsPassword: false,
      stdin: 'x',
    });
    expect(runs[0]).toEqual({
      command: "sudo -n -- sh -c 'id -u'",
      stdin: 'x',
    });
  });

  it('builds a gate that reads at most the password line before the marker', () => {
    const { command, input } = sudoInvocation('cat', 'secret', 'opsdeck-m');
    expect(input).toBe('secret\nopsdeck-m\n');
    expect(command).toContain('IFS= read -r l');
    expect(command.endsWith(" sh opsdeck-m 'cat'")).toBe(true);
  });

  // The gate as sh runs it: `sudo ... -- ` taken off the command line.
  it.each([
    ['sudo took the password', 'opsdeck-m\necho ran\n', 'ran\n', 0],
    [
      'sudo did not read it',
      'echo INJECTED\nopsdeck-m\necho ran\n',
      'ran\n',
      0,
    ],
    ['the marker never came', 'a\nb\necho ran\n', '', 92],
  ])(
    'runs the command only after the marker when %s',
    (_, input, stdout, code) => {
      const { command } = sudoInvocation('sh -s', 'pw', 'opsdeck-m');
      const gate = command.replace(/^sudo -k -S -p '' -- /, '');
      const result = spawnSync('sh', ['-c', gate], { input, encoding: 'utf8' });
      expect(result.stdout).toBe(stdout);
      expect(result.status).toBe(code);
    },
  );
});
