/**
 * Starts a lab server so that it cannot outlive opsdeck: it runs under a tiny
 * shell that watches a pipe from us and kills the server when the pipe closes,
 * which happens even when opsdeck itself is killed with SIGKILL. The guard has
 * its own process group, so a terminal's SIGHUP or SIGINT (which mariadbd and
 * sshd take as "reload") reaches opsdeck only; if the guard is signalled
 * itself, it stops the server first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const GUARD = [
  'exec 3<&0',
  '"$@" </dev/null &',
  'server=$!',
  'trap \'kill -TERM "$server" 2>/dev/null\' HUP INT TERM',
  '{ read -r _ <&3; kill -TERM "$server" 2>/dev/null; sleep 3; kill -KILL "$server" 2>/dev/null; } &',
  'watcher=$!',
  'wait "$server"',
  'status=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

export interface GuardedProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code once the server has exited. */
  readonly exited: Promise<number | null>;
  readonly stop: () => Promise<void>;
}

export function startGuarded(
  command: string,
  args: readonly string[],
  options: {
    logFile: string;
    env?: NodeJS.ProcessEnv;
    stdout?: 'pipe' | 'log';
  },
): GuardedProcess {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn('sh', ['-c', GUARD, 'lab-guard', command, ...args], {
    stdio: ['pipe', options.stdout === 'pipe' ? 'pipe' : 'pipe', 'pipe'],
    env: options.env ?? process.env,
    detached: true,
  });
  if (options.stdout !== 'pipe') child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  // 'close', not 'exit': output can still arrive after the exit, until the pipes close.
  child.once('close', () => log.end());
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Closing the pipe is the one signal the guard waits for.
      child.stdin?.end();
      const timeout = setTimeout(() => child.kill('SIGKILL'), 8000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
