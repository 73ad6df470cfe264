/** Process helpers for the tunnel tests: kill a private sshd with its sessions, restart it, bundle a child. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  startGuarded,
  type GuardedProcess,
} from '../../../source/lab/guarded-process.js';
import { portOpen } from '../../../source/lab/ports.js';

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The pid and every descendant, found through /proc. */
function processTree(root: number): number[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const tree = [root];
  for (let grew = true; grew;) {
    grew = false;
    for (const pid of all)
      if (!tree.includes(pid) && tree.includes(parentOf(pid) ?? -1)) {
        tree.push(pid);
        grew = true;
      }
  }
  return tree;
}

/** SIGKILLs the sshd of a private lab dir and the session processes it forked. */
export function killSshd(dir: string): number[] {
  const pid = Number(readFileSync(join(dir, 'ssh', 'sshd.pid'), 'utf8').trim());
  const tree = processTree(pid);
  for (const each of tree.reverse()) {
    try {
      process.kill(each, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return tree;
}

/** Starts the same sshd again: same config, port and host key. */
export async function restartSshd(
  dir: string,
  port: number,
): Promise<GuardedProcess> {
  const server = startGuarded(
    '/usr/sbin/sshd',
    ['-D', '-e', '-f', join(dir, 'ssh', 'sshd_config')],
    {
      logFile: join(dir, 'sshd-again.log'),
    },
  );
  for (
    let waited = 0;
    waited < 10_000 && !(await portOpen(port));
    waited += 100
  )
    await new Promise((resolve) => setTimeout(resolve, 100));
  return server;
}

/** Bundles a TypeScript entry for a plain node child (ssh2 and mysql2 stay external). */
export async function bundleChild(
  source: string,
  name: string,
): Promise<string> {
  const outfile = join(
    process.cwd(),
    'node_modules',
    '.cache',
    'opsdeck-test',
    `${name}.mjs`,
  );
  await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['ssh2', 'mysql2', 'cpu-features'],
    logLevel: 'error',
  });
  return outfile;
}
