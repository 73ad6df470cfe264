/** moto's server on a free loopback port, through the lab launcher (moto-lab.py). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileBesideBundle } from '../lib/beside-bundle.js';
import { startGuarded, type GuardedProcess } from './guarded-process.js';

export interface MotoServer {
  readonly endpoint: string;
  readonly port: number;
  readonly stop: () => Promise<void>;
}

/** The launcher: beside this file in source/, or in dist/ beside the bundle and its chunks. */
function launcherPath(): string {
  return (
    fileBesideBundle('moto-lab.py', import.meta.url) ??
    join(fileURLToPath(new URL('.', import.meta.url)), 'moto-lab.py')
  );
}

/** moto is not installed: the lab skips it with this reason. */
export class MotoMissingError extends Error {
  override readonly name = 'MotoMissingError';
}

export async function startMoto(
  dir: string,
  python = 'python3',
): Promise<MotoServer> {
  const process_: GuardedProcess = startGuarded(python, [launcherPath()], {
    logFile: join(dir, 'moto.log'),
    stdout: 'pipe',
    // Keep AWS_CA_BUNDLE and friends out: moto serves plain HTTP on loopback.
    env: { ...process.env, AWS_CA_BUNDLE: '', PYTHONUNBUFFERED: '1' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const timeout = setTimeout(
      () =>
        reject(
          new Error(
            'moto did not start within 30 s (see moto.log in the lab directory)',
          ),
        ),
      30000,
    );
    process_.child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) {
        clearTimeout(timeout);
        try {
          const said = JSON.parse(line) as { port?: number; error?: string };
          if (said.port !== undefined) resolve(said.port);
          else
            reject(new MotoMissingError(said.error ?? 'moto is not installed'));
        } catch {
          reject(new Error(`moto launcher said: ${line}`));
        }
      }
    });
    void process_.exited.then((code) => {
      clearTimeout(timeout);
      // Exit 127: no python3 at all.
      if (code === 127)
        reject(new MotoMissingError('python3 with moto is not installed'));
      else
        reject(
          new Error(
            'moto exited during start-up (see moto.log in the lab directory)',
          ),
        );
    });
  });
  process_.child.stdout?.resume();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () => process_.stop(),
  };
}
