/** Runs one command on an exec channel: stdin in, streamed output, exit code. */
import type { ClientChannel } from 'ssh2';
import { Readable } from 'node:stream';
import { abortError } from './ssh-errors.js';
import type { ExecOptions, ExecResult } from './ssh-types.js';

function keeper(limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add(chunk: Buffer) {
      if (size >= limit) return;
      chunks.push(chunk.subarray(0, limit - size));
      size += chunk.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

export function runExec(
  channel: ClientChannel,
  options: ExecOptions = {},
): Promise<ExecResult> {
  const limit = options.keepBytes ?? 1024 * 1024;
  const stdout = keeper(limit);
  const stderr = keeper(limit);
  return new Promise<ExecResult>((resolve, reject) => {
    let code: number | null = null;
    let signalName: string | undefined;
    const onAbort = () => {
      channel.close();
      reject(abortError(options.signal));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    channel.on('data', (chunk: Buffer) => {
      stdout.add(chunk);
      options.onStdout?.(chunk);
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      stderr.add(chunk);
      options.onStderr?.(chunk);
    });
    channel.on('exit', (exitCode: number | null, exitSignal?: string) => {
      code = exitCode;
      signalName = exitSignal ?? undefined;
    });
    channel.once('close', () => {
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        code,
        signal: signalName,
        stdout: stdout.text(),
        stderr: stderr.text(),
      });
    });
    const input = options.stdin;
    if (input === undefined) channel.end();
    else if (typeof input === 'string' || Buffer.isBuffer(input))
      channel.end(input);
    else Readable.from(input as AsyncIterable<Buffer>).pipe(channel);
  });
}
