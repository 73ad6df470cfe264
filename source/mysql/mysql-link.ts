/**
 * One mysql2 connection carried by one SSH channel (forwardOut to host:port,
 * or OpenSSH streamlocal to a Unix socket). One channel serves exactly one
 * connection; closing the connection closes its channel.
 */
import { authPlugins } from 'mysql2';
import { createConnection, type Connection } from 'mysql2/promise';
import type { Connection as CoreConnection } from 'mysql2';
import type { Duplex } from 'node:stream';
import type { ClientChannel } from 'ssh2';
import type { SshSession } from '../ssh/ssh-session.js';
import { mysqlError } from './mysql-errors.js';
import type { MysqlTarget } from './mysql-values.js';

/** The callback-API connection under a promise one (events, streaming). */
export function coreOf(connection: Connection): CoreConnection {
  return (connection as unknown as { connection: CoreConnection }).connection;
}

export interface MysqlLink {
  readonly connection: Connection;
  readonly threadId: number;
  /** The SSH connection it rides on; a link from an older one is dead. */
  readonly sshGeneration: number;
  readonly dead: () => boolean;
  readonly close: () => Promise<void>;
  /** Drops the connection at once, mid-result; the server aborts what it was sending. */
  readonly abandon: () => void;
}

export interface LinkOptions {
  readonly password: string | undefined;
  readonly database?: string | undefined;
  /** Only for a dedicated connection that runs what the person typed. */
  readonly multipleStatements?: boolean;
  readonly signal?: AbortSignal | undefined;
  readonly via: string;
}

export function endpointName(target: MysqlTarget): string {
  const endpoint = target.endpoint;
  return endpoint.kind === 'socket'
    ? endpoint.path
    : `${endpoint.host}:${endpoint.port}`;
}

export async function openLink(
  ssh: SshSession,
  target: MysqlTarget,
  options: LinkOptions,
): Promise<MysqlLink> {
  const endpoint = target.endpoint;
  const channel: ClientChannel =
    endpoint.kind === 'socket'
      ? await ssh.forwardSocket(endpoint.path, options.signal)
      : await ssh.forwardOut(endpoint.host, endpoint.port, options.signal);
  const sshGeneration = ssh.generation();
  let dead = false;
  channel.once('close', () => {
    dead = true;
  });
  // MySQL closed its side (KILL CONNECTION, wait_timeout): mysql2 learns of it from 'close' only.
  channel.once('end', () => {
    dead = true;
    channel.destroy();
  });
  let connection: Connection;
  try {
    connection = await createConnection({
      stream: channel,
      user: target.user,
      password: options.password,
      database: options.database,
      multipleStatements: options.multipleStatements ?? false,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      connectTimeout: 15_000,
      // JSON as the server's text, not re-serialised objects.
      typeCast: (field, next) =>
        field.type === 'JSON' ? field.string('utf8') : next(),
      // A socket forward is a secure transport for MySQL 8's full authentication.
      ...(endpoint.kind === 'socket' && {
        authPlugins: {
          caching_sha2_password: authPlugins.caching_sha2_password({
            overrideIsSecure: true,
          }),
        },
      }),
    });
  } catch (error) {
    channel.destroy();
    throw mysqlError(error, options.via);
  }
  // When the SSH link drops, fail what is in flight at once rather than wait for a close
  // event the dead transport may never deliver.
  const unsubscribe = ssh.subscribe(() => {
    if (ssh.generation() === sshGeneration && ssh.state() === 'connected')
      return;
    unsubscribe();
    if (channel.destroyed) return;
    const lost = Object.assign(new Error('the SSH connection dropped'), {
      code: 'PROTOCOL_CONNECTION_LOST',
    });
    (channel as Duplex).destroy(lost);
  });
  channel.once('close', unsubscribe);
  // Fatal errors arrive as events too; without a listener they would crash the process.
  coreOf(connection).on('error', () => {
    dead = true;
  });
  coreOf(connection).once('end', () => {
    dead = true;
  });
  return {
    connection,
    threadId: connection.threadId,
    sshGeneration,
    dead: () =>
      dead || ssh.generation() !== sshGeneration || ssh.state() !== 'connected',
    abandon() {
      dead = true;
      channel.destroy();
    },
    async close() {
      dead = true;
      await Promise.race([
        connection.end().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 1000).unref()),
      ]);
      channel.destroy();
    },
  };
}
