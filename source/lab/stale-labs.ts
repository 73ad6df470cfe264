/** Labs whose process was killed (SIGKILL, a lost SSH session) leave their directory; this removes it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../lib/process-alive.js';

export const LAB_PREFIX = 'opsdeck-lab-';

/** Directories of labs whose process was killed; their servers stopped with it. */
export function removeStaleLabs(): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(LAB_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
      // The demo's reset target runs detached from the lab: stop it first.
      const stopScript = join(dir, 'reset-target', 'stop.sh');
      if (existsSync(stopScript))
        spawnSync('sh', [stopScript], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    }
  }
  return removed;
}
