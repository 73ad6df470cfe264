/**
 * Dump a database by running mariadb-dump (or mysqldump) on the SSH host and
 * streaming its output back over the exec channel: into a local file (gzip
 * optional, written under a temporary name and renamed when complete) or
 * into any upload callback (the S3 layer plugs in here).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { abortError } from '../../ssh/ssh-errors.js';
import type { MysqlSession } from '../mysql-session.js';
import {
  credentialLines,
  dumpCommand,
  splitToolLine,
  toolError,
} from './remote-tools.js';
import { openToolChannel } from './tool-channel.js';
import { partialName } from '../../lib/partial-file.js';

export type DumpDestination =
  | { readonly kind: 'file'; readonly path: string }
  /** Receives the dump as a stream and resolves when it is stored. */
  | {
      readonly kind: 'upload';
      readonly upload: (body: Readable) => Promise<void>;
    };

export interface DumpOptions {
  readonly database: string;
  readonly to: DumpDestination;
  readonly gzip?: boolean;
  /** Bytes received from the server so far (before compression). */
  readonly onProgress?: (bytes: number) => void;
  readonly signal?: AbortSignal;
}

export interface DumpResult {
  readonly bytes: number;
  /** Bytes written after compression. */
  readonly storedBytes: number;
  /** Which tool ran on the host, e.g. /usr/bin/mariadb-dump. */
  readonly tool: string | undefined;
}

function counter(onCount: (bytes: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      onCount(total);
      done(null, chunk);
    },
  });
}

export async function dumpDatabase(
  session: MysqlSession,
  options: DumpOptions,
): Promise<DumpResult> {
  const { user, password } = await session.credentials();
  const { channel, stderr, exited } = await openToolChannel(
    session.ssh,
    dumpCommand(session.target.endpoint, options.database),
    options.signal,
  );
  channel.end(credentialLines(user, password));

  let bytes = 0;
  let storedBytes = 0;
  let lastReport = 0;
  const received = counter((total) => {
    bytes = total;
    const now = Date.now();
    if (now - lastReport >= 100) {
      lastReport = now;
      options.onProgress?.(total);
    }
  });
  const stored = counter((total) => {
    storedBytes = total;
  });
  const stages: NodeJS.ReadWriteStream[] = options.gzip
    ? [received, createGzip(), stored]
    : [received, stored];
  const partial =
    options.to.kind === 'file' ? partialName(options.to.path) : undefined;
  const onAbort = () => channel.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.to.kind === 'file' && partial) {
      await pipeline(
        [
          channel,
          ...stages,
          createWriteStream(partial, { mode: 0o600, flags: 'wx' }),
        ],
        { signal: options.signal },
      );
    } else if (options.to.kind === 'upload') {
      const body = new PassThrough();
      await Promise.all([
        pipeline([channel, ...stages, body], { signal: options.signal }),
        options.to.upload(body),
      ]);
    }
    const code = await exited;
    if (code !== 0)
      throw toolError(`dump of ${options.database}`, code, stderr());
    if (options.to.kind === 'file' && partial)
      await rename(partial, options.to.path);
  } catch (error) {
    channel.close();
    if (partial) await rm(partial, { force: true });
    if (options.signal?.aborted) throw abortError(options.signal);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  options.onProgress?.(bytes);
  return { bytes, storedBytes, tool: splitToolLine(stderr()).tool };
}
