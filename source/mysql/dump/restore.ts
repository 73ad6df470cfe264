/**
 * Restore a local .sql or .sql.gz into a database by streaming it to the
 * mariadb/mysql client on the SSH host. The database is created first when
 * missing; when it exists the caller has already asked (see
 * DatabaseService.exists). Compressed files travel compressed.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../../lib/errors.js';
import { abortError } from '../../ssh/ssh-errors.js';
import { createDatabaseService } from '../admin/databases.js';
import type { MysqlSession } from '../mysql-session.js';
import {
  credentialLines,
  restoreCommand,
  splitToolLine,
  toolError,
} from './remote-tools.js';
import { quoteId } from '../sql-quote.js';
import { openToolChannel } from './tool-channel.js';

export interface RestoreOptions {
  readonly database: string;
  readonly file: string;
  /** Create the database when it does not exist (default true). */
  readonly create?: boolean;
  /** Bytes of the file sent so far, and the file size. */
  readonly onProgress?: (bytes: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface RestoreResult {
  readonly bytes: number;
  readonly created: boolean;
  readonly tool: string | undefined;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export async function restoreDatabase(
  session: MysqlSession,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const total = (await stat(options.file).catch(() => undefined))?.size;
  if (total === undefined) throw new UserError(`cannot read ${options.file}`);
  const compressed = await isGzip(options.file);
  await session.connect(options.signal);
  const databases = createDatabaseService(session);
  const exists = await databases.exists(options.database);
  if (!exists && options.create === false)
    throw new UserError(`database ${options.database} does not exist`, {
      hint: 'create it first, or let the restore create it',
    });
  return session.write(
    'Restore',
    `restore ${options.file} into ${quoteId(options.database)}`,
    async () => {
      if (!exists) await databases.create(options.database);
      const { user, password } = await session.credentials();
      const { channel, stderr, exited } = await openToolChannel(
        session.ssh,
        restoreCommand(session.target.endpoint, options.database, compressed),
        options.signal,
      );
      // The client prints nothing useful on stdout, but the channel only closes once it is read.
      channel.resume();
      channel.write(credentialLines(user, password));
      let sent = 0;
      let lastReport = 0;
      const progress = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sent += chunk.length;
          const now = Date.now();
          if (now - lastReport >= 100) {
            lastReport = now;
            options.onProgress?.(sent, total);
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline([createReadStream(options.file), progress, channel], {
          signal: options.signal,
        });
      } catch (error) {
        channel.close();
        if (options.signal?.aborted) throw abortError(options.signal);
        // The client may have stopped reading because it failed; its message says why.
        const code = await exited;
        if (code !== 0)
          throw toolError(`restore into ${options.database}`, code, stderr());
        throw error;
      }
      const code = await exited;
      if (code !== 0)
        throw toolError(`restore into ${options.database}`, code, stderr());
      options.onProgress?.(sent, total);
      return {
        bytes: sent,
        created: !exists,
        tool: splitToolLine(stderr()).tool,
      };
    },
  );
}
