/**
 * The lab's last word: a tiny shell, in its own process group, that waits
 * for opsdeck to go (its stdin pipe closes, which happens even on SIGKILL),
 * then stops every server still running from the lab's directory (the reset
 * target is started by its own scripts with setsid, so no pipe guards it) and
 * removes the directory. After a normal stop there is nothing left to do.
 */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

const REAPER = [
  'read -r _',
  'dir=$1',
  'pids=""',
  'for file in $(find "$dir" -name "*.pid" ! -name owner.pid 2>/dev/null); do',
  '  pid=$(cat "$file" 2>/dev/null)',
  // Only a process started from this lab: a reused PID belongs to someone else.
  '  case "$pid" in ""|*[!0-9]*) continue;; esac',
  '  if grep -qF "$dir" "/proc/$pid/cmdline" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null; pids="$pids $pid"; fi',
  'done',
  'for _ in 1 2 3 4 5 6 7 8 9 10; do',
  '  alive=""',
  '  for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done',
  '  [ -z "$alive" ] && break',
  '  sleep 0.3',
  'done',
  'for pid in $pids; do kill -KILL "$pid" 2>/dev/null; done',
  'rm -rf "$dir"',
].join('\n');

export interface LabReaper {
  /** Lets the reaper run now (after a normal stop it finds nothing). */
  readonly release: () => void;
}

export function startLabReaper(dir: string): LabReaper {
  const child = spawn('sh', ['-c', REAPER, 'lab-reaper', dir], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  child.on('error', () => undefined);
  // Neither the child nor its pipe may keep opsdeck's event loop alive.
  child.unref();
  const stdin = child.stdin as (Writable & { unref?: () => void }) | null;
  stdin?.on('error', () => undefined);
  stdin?.unref?.();
  return { release: () => stdin?.end() };
}
