import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../source/config/schema.js';
import {
  mysqlTargetOf,
  sshTargetOf,
} from '../../../source/mysql/connection-profile.js';

describe('MySQL connection profiles in the config file', () => {
  it('defaults the MySQL target to 127.0.0.1:3306 as root, asked for a password', () => {
    const config = configSchema.parse({
      mysql: {
        connections: { prod: { ssh: { host: 'db1', jump: 'ops@bastion' } } },
      },
    });
    const profile = config.mysql?.connections['prod'];
    expect(profile && sshTargetOf(profile)).toEqual({
      host: 'db1',
      jump: 'ops@bastion',
    });
    expect(profile && mysqlTargetOf(profile)).toEqual({
      endpoint: { kind: 'tcp', host: '127.0.0.1', port: 3306 },
      user: 'root',
      askPassword: true,
    });
  });

  it('takes a Unix socket, an RDS endpoint, and refuses a socket with a host', () => {
    const parse = (mysql: object) =>
      configSchema.parse({
        mysql: { connections: { x: { ssh: { host: 'h' }, mysql } } },
      }).mysql?.connections['x'];
    expect(
      mysqlTargetOf(
        parse({ socket: '/run/mysqld/mysqld.sock', askPassword: false })!,
      ),
    ).toMatchObject({
      endpoint: { kind: 'socket', path: '/run/mysqld/mysqld.sock' },
      askPassword: false,
    });
    expect(
      mysqlTargetOf(parse({ host: 'db.abc.rds.amazonaws.com', user: 'admin' })!)
        .endpoint,
    ).toEqual({
      kind: 'tcp',
      host: 'db.abc.rds.amazonaws.com',
      port: 3306,
    });
    expect(() => parse({ socket: '/s', host: 'h' })).toThrow(
      /either socket or host/,
    );
    expect(() =>
      configSchema.parse({
        mysql: { connections: { x: { ssh: { host: 'h' }, password: 'no' } } },
      }),
    ).toThrow();
    expect(configSchema.parse({}).mysql).toBeUndefined();
  });
});
