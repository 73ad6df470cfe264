/**
 * MySQL connection profiles in the config file (`mysql.connections.<name>`).
 * No secrets here by design: passwords and passphrases are asked for.
 */
import * as z from 'zod/mini';
import { nonEmpty, port } from './zod-setup.js';

const sshTargetSchema = z.strictObject({
  /** A ~/.ssh/config alias, an instance's public DNS name, or an address. */
  host: nonEmpty(),
  port: z.optional(port()),
  user: z.optional(nonEmpty()),
  identityFile: z.optional(nonEmpty()),
  /** true: SSH_AUTH_SOCK; a path: that agent socket; false: no agent. */
  agent: z.optional(z.union([z.boolean(), nonEmpty()])),
  /** Bastion: `[user@]host[:port]` or an alias; a comma list for several hops. */
  jump: z.optional(nonEmpty()),
});

const mysqlConnectionSchema = z.strictObject({
  ssh: sshTargetSchema,
  /** MySQL as seen from the SSH host: 127.0.0.1:3306 unless set. */
  mysql: z._default(
    z
      .strictObject({
        host: z.optional(nonEmpty()),
        port: z.optional(port()),
        /** A Unix socket path on the SSH host instead of host/port. */
        socket: z.optional(nonEmpty()),
        user: z._default(nonEmpty(), 'root'),
        /** false for accounts without a password (unix_socket over a socket). */
        askPassword: z._default(z.boolean(), true),
      })
      .check(
        z.refine((target) => !(target.socket && (target.host || target.port)), {
          message: 'set either socket or host/port, not both',
        }),
      ),
    { user: 'root', askPassword: true },
  ),
  /**
   * How the server is stopped and started when neither systemd nor an init
   * script runs it (root-password reset). The start command must pass
   * $MYSQLD_OPTS on to the server.
   */
  server: z.optional(z.strictObject({ stop: nonEmpty(), start: nonEmpty() })),
  /** Blocks every MySQL write through this connection, like --read-only. */
  readOnly: z.optional(z.boolean()),
});

export const mysqlSettingsSchema = z.strictObject({
  connections: z._default(z.record(z.string(), mysqlConnectionSchema), {}),
});

export type MysqlConnectionProfile = z.infer<typeof mysqlConnectionSchema>;
