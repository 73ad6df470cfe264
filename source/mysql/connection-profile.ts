/** A configured MySQL connection turned into the SSH and MySQL targets the services take. */
import type { SshTarget } from '../ssh/ssh-types.js';
import type { MysqlConnectionProfile } from '../config/mysql-profile-schema.js';
import type { MysqlTarget } from './mysql-values.js';

/** As seen from the SSH host; not 'localhost', which the client would take as a socket. */
const DEFAULT_HOST = '127.0.0.1';

export function sshTargetOf(profile: MysqlConnectionProfile): SshTarget {
  return { ...profile.ssh };
}

export function mysqlTargetOf(profile: MysqlConnectionProfile): MysqlTarget {
  const mysql = profile.mysql;
  return {
    endpoint: mysql.socket
      ? { kind: 'socket', path: mysql.socket }
      : {
          kind: 'tcp',
          host: mysql.host ?? DEFAULT_HOST,
          port: mysql.port ?? 3306,
        },
    user: mysql.user,
    askPassword: mysql.askPassword,
  };
}
