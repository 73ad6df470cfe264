/**
 * MySQL connection profiles in the config file (`mysql.connections.<name>`).
 * No secrets here by design: passwords and passphrases are asked for.
 */
import { z } from 'zod';

const port = z.number().int().min(1).max(65535);

const sshTargetSchema = z.strictObject({
  /** A ~/.ssh/config alias, an instance's public DNS name, or an address. */
  host: z.string().min(1),
  port: port.optional(),
  user: z.string().min(1).optional(),
  identityFile: z.string().min(1).optional(),
  /** true: SSH_AUTH_SOCK; a path: that agent socket; false: no agent. */
  agent: z.union([z.boolean(), z.string().min(1)]).optional(),
  /** Bastion: `[user@]host[:port]` or an alias; a comma list for several hops. */
  jump: z.string().min(1).optional(),
});

const mysqlConnectionSchema = z.strictObject({
  ssh: sshTargetSchema,
  /** MySQL as seen from the SSH host: 127.0.0.1:3306 unless set. */
  mysql: z
    .strictObject({
      host: z.string().min(1).optional(),
      port: port.optional(),
      /** A Unix socket path on the SSH host instead of host/port. */
      socket: z.string().min(1).optional(),
      user: z.string().min(1).default('root'),
      /** false for accounts without a password (unix_socket over a socket). */
      askPassword: z.boolean().default(true),
    })
    .refine((target) => !(target.socket && (target.host || target.port)), {
      message: 'set either socket or host/port, not both',
    })
    .default({ user: 'root', askPassword: true }),
  /**
   * How the server is stopped and started when neither systemd nor an init
   * script runs it (root-password reset). The start command must pass
   * $MYSQLD_OPTS on to the server.
   */
  server: z
    .strictObject({ stop: z.string().min(1), start: z.string().min(1) })
    .optional(),
  /** Blocks every MySQL write through this connection, like --read-only. */
  readOnly: z.boolean().optional(),
});

export const mysqlSettingsSchema = z.strictObject({
  connections: z.record(z.string(), mysqlConnectionSchema).default({}),
});

export type MysqlConnectionProfile = z.infer<typeof mysqlConnectionSchema>;
