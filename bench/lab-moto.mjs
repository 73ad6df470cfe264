// A moto of its own for a benchmark, started by the built CLI's `lab`
// subcommand; `stop()` ends it. motoCpuReader() reads its server's CPU time.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export async function startMoto(cli) {
  const child = spawn(
    process.execPath,
    [cli, 'lab', '--parts', 'moto', '--json'],
    // Our end of its stdin closes when this process ends, however it ends:
    // the lab stops then instead of outliving the benchmark.
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const info = JSON.parse(
    await new Promise((resolve) =>
      child.stdout.once('data', (chunk) => resolve(chunk.toString())),
    ),
  );
  return {
    ...info,
    stop: () =>
      new Promise(
        (resolve) => (child.once('exit', resolve), child.kill('SIGTERM')),
      ),
  };
}

/**
 * CPU time moto's server process has used so far, in ms (Linux), or
 * undefined. moto answers on one Python thread: a run against it cannot take
 * less wall time than the server CPU its requests cost, whichever tool sends
 * them.
 */
export function motoCpuReader(endpoint) {
  const port = new URL(endpoint).port;
  const listing = spawnSync('ss', ['-ltnpH', `sport = :${port}`], {
    encoding: 'utf8',
  });
  const pid = /pid=(\d+)/.exec(listing.stdout ?? '')?.[1];
  if (pid === undefined) return () => undefined;
  const ticks = 1000 / 100; // USER_HZ
  return () => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .split(') ')[1]
        .split(' ');
      return (Number(fields[11]) + Number(fields[12])) * ticks;
    } catch {
      return undefined;
    }
  };
}
