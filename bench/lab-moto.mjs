// A moto of its own for a benchmark, started by the built CLI's `lab`
// subcommand; `stop()` ends it.
import { spawn } from 'node:child_process';

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
