/**
 * `fsfreeze -f` on some mount points around a call, `fsfreeze -u` after it,
 * on every way out: the call's end, its failure, the hard time limit, and
 * SIGINT/SIGTERM/SIGHUP (thawed synchronously before the process exits). A
 * file system that stays frozen stops every writer on the host, so the limit
 * wins over the call: when it passes, the thaw runs and the run fails.
 */
import { execFile, execFileSync } from 'node:child_process';
import { describeError, UserError } from '../lib/errors.js';

export interface FreezeOptions {
  readonly mounts: readonly string[];
  readonly limitMs: number;
  /** fsfreeze is found on this environment's PATH. */
  readonly env: NodeJS.ProcessEnv;
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function fsfreeze(
  flag: '-f' | '-u',
  mount: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'fsfreeze',
      [flag, mount],
      { env, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, _stdout, stderr) => {
        if (error === null) resolve();
        else
          reject(
            new UserError(
              `fsfreeze ${flag} ${mount} failed: ${stderr.trim() || error.message}`,
            ),
          );
      },
    );
  });
}

export async function withFrozen<T>(
  options: FreezeOptions,
  call: () => Promise<T>,
): Promise<T> {
  // Everything -f was run on, even when it failed or is still running: a
  // thaw of a file system that is not frozen is harmless, the reverse is not.
  const touched: string[] = [];
  const thawNow = () => {
    for (const mount of touched.splice(0).reverse())
      try {
        execFileSync('fsfreeze', ['-u', mount], {
          env: options.env,
          stdio: 'ignore',
          timeout: 10_000,
        });
      } catch {
        // Reported by the normal path when there is one; on a signal, nothing to add.
      }
  };
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = () => {
      thawNow();
      process.stderr.write(`opsdeck: ${signal}: file systems thawed\n`);
      process.exit(code);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  process.once('exit', thawNow);
  const deadline = Date.now() + options.limitMs;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UserError(
            `the file systems stayed frozen for the ${String(options.limitMs / 1000)} s limit and were thawed`,
            { hint: 'raise --freeze-limit, or freeze fewer file systems' },
          ),
        ),
      options.limitMs,
    );
  });
  const frozen = new Set<string>();
  let outcome: { value: T } | { error: unknown };
  try {
    const freeze = async () => {
      for (const mount of options.mounts) {
        touched.push(mount);
        await fsfreeze('-f', mount, options.env, deadline - Date.now());
        frozen.add(mount);
      }
      return call();
    };
    outcome = { value: await Promise.race([freeze(), limit]) };
  } catch (error) {
    outcome = { error };
  }
  clearTimeout(timer);
  const failed: string[] = [];
  for (const mount of touched.splice(0).reverse()) {
    try {
      await fsfreeze('-u', mount, options.env, 10_000);
    } catch (error) {
      // A mount whose -f failed was never frozen: its thaw failing says nothing.
      if (frozen.has(mount))
        failed.push(
          `${(error as Error).message}: it may still be frozen, run fsfreeze -u ${mount} now`,
        );
    }
  }
  process.off('exit', thawNow);
  for (const remove of handlers) remove();
  if (failed.length > 0)
    throw new UserError(
      [
        ...('error' in outcome ? [describeError(outcome.error)] : []),
        ...failed,
      ].join('; '),
    );
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
