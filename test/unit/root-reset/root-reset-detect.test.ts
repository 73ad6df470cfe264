import { describe, expect, it } from 'vitest';
import {
  accessOf,
  detectionOf,
  runningResets,
  type DetectInput,
} from '../../../source/wizards/root-reset/detect/detect-parse.js';
import { createRunLog } from '../../../source/wizards/root-reset/run/run-log.js';

const INPUT: DetectInput = {
  host: 'admin@db1:22',
  viaSudo: true,
  port: 3306,
  socket: undefined,
  server: undefined,
};

/** What the detection script prints on a Debian 12 host with systemd and MariaDB. */
const DEBIAN = [
  'os_user=root',
  'binary=/usr/sbin/mariadbd',
  'client=/usr/bin/mariadb',
  'client=/usr/bin/mysql',
  'default.pid-file=/run/mysqld/mysqld.pid',
  'default.socket=/run/mysqld/mysqld.sock',
  'proc=812',
  'proc.812.exe=/usr/sbin/mariadbd',
  'proc.812.owner=mysql',
  'proc.812.ppid=1',
  'proc.812.version=/usr/sbin/mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)',
  'proc.812.datadir=/var/lib/mysql/',
  'proc.812.socket=/run/mysqld/mysqld.sock',
  'proc.812.port=3306',
  'proc.812.pid-file=/run/mysqld/mysqld.pid',
  'proc.812.log-bin=FALSE',
  'proc.812.wsrep-on=FALSE',
  'proc.812.log-error=',
  'listen.812=3306',
  'systemd=yes',
  'unit.mariadb.Id=mariadb.service',
  'unit.mariadb.MainPID=812',
  'unit.mariadb.opts=yes',
  'unit.mysql.Id=mariadb.service',
  'unit.mysql.MainPID=812',
  'apparmor=',
  'leftover=/run/opsdeck-reset.AbCd1234 ended /run/mysqld/mysqld.sock',
  'leftover=/run/opsdeck-reset.EfGh5678 running /tmp/other.sock',
].join('\n');

describe('detection', () => {
  it('reads a systemd MariaDB host', () => {
    const detection = {
      ...detectionOf(DEBIAN, INPUT),
      access: accessOf('access=socket-root\n'),
    };
    expect(detection).toMatchObject({
      flavour: 'mariadb',
      version: '10.11.19',
      client: '/usr/bin/mariadb',
      pid: 812,
      serverUser: 'mysql',
      socket: '/run/mysqld/mysqld.sock',
      port: 3306,
      runtimeDir: '/run/mysqld',
      binaryLog: false,
      galera: false,
      manager: {
        kind: 'systemd',
        unit: 'mariadb.service',
        optsInExecStart: true,
      },
      access: { kind: 'socket-root' },
      leftover: '/run/opsdeck-reset.AbCd1234',
      errorLog: undefined,
    });
    expect(runningResets(DEBIAN)).toEqual(['/run/opsdeck-reset.EfGh5678']);
  });
  it('reads the binary log as the server prints it: a name is on, 0 (--skip-log-bin) is off', () => {
    const logBin = (value: string) =>
      detectionOf(
        DEBIAN.replace('proc.812.log-bin=FALSE', `proc.812.log-bin=${value}`),
        INPUT,
      ).binaryLog;
    expect(logBin('0')).toBe(false);
    expect(logBin('(No default value)')).toBe(false);
    expect(logBin('mariadb-bin')).toBe(true);
    expect(logBin('/var/log/mysql/mysql-bin.log')).toBe(true);
  });
  it('prefers the custom commands of the profile, then an init script without systemd', () => {
    const server = { stop: 'svc stop', start: 'svc start' };
    expect(detectionOf(DEBIAN, { ...INPUT, server }).manager).toEqual({
      kind: 'custom',
      ...server,
    });
    const sysv = DEBIAN.replace('systemd=yes', 'sysv=/etc/init.d/mariadb');
    expect(detectionOf(sysv, INPUT).manager).toEqual({
      kind: 'sysv',
      script: '/etc/init.d/mariadb',
    });
    const otherServer = sysv.replace(
      'proc.812.pid-file=/run/mysqld/mysqld.pid',
      'proc.812.pid-file=/srv/db/db.pid',
    );
    expect(() => detectionOf(otherServer, INPUT)).toThrow(
      /cannot tell how the server .* is started/,
    );
    expect(() => detectionOf(DEBIAN.replace('systemd=yes', ''), INPUT)).toThrow(
      /cannot tell how the server .* is started/,
    );
  });
  it('says clearly when there is no server, or none on the profile port', () => {
    expect(() => detectionOf('os_user=root\n', INPUT)).toThrow(
      'no MySQL or MariaDB server on admin@db1:22',
    );
    expect(() =>
      detectionOf('os_user=root\nbinary=/usr/sbin/mysqld\n', INPUT),
    ).toThrow(/installed .* but no server is running/);
    expect(() => detectionOf(DEBIAN, { ...INPUT, port: 3307 })).toThrow(
      'no server on admin@db1:22 uses port 3307',
    );
  });
  it('reads the other ways in', () => {
    expect(
      accessOf(
        'access=maintenance-file\naccess.path=/etc/mysql/debian.cnf\naccess.user=debian-sys-maint\n',
      ),
    ).toEqual({
      kind: 'maintenance-file',
      path: '/etc/mysql/debian.cnf',
      user: 'debian-sys-maint',
    });
    expect(
      accessOf('access=temporary-password\naccess.log=/var/log/mysqld.log\n'),
    ).toEqual({ kind: 'temporary-password', log: '/var/log/mysqld.log' });
    expect(accessOf('access=none\n')).toBeUndefined();
  });
});

describe('run log', () => {
  it('turns @@ lines into steps and an outcome, keeps other lines as output, across chunk borders', () => {
    const log = createRunLog();
    const text =
      '@@work /run/opsdeck-reset.AbCd1234\n@@target /s\n@@step check running\n@@step check done\n@@step stop-server running\nstop refused\n@@error the stop command failed\n@@step stop-server failed\n@@state running\n@@password old\n@@socket yes\n@@end failed\n';
    const events = [
      ...log.push(text.slice(0, 50)),
      ...log.push(text.slice(50)),
      ...log.end(),
    ];
    expect(events[0]).toEqual({
      kind: 'started',
      work: '/run/opsdeck-reset.AbCd1234',
    });
    expect(events.filter((e) => e.kind === 'output')).toEqual([
      { kind: 'output', line: 'stop refused' },
    ]);
    expect(log.outcome()).toEqual({
      ok: false,
      failedStep: 'stop-server',
      error: 'the stop command failed',
      serverState: 'running',
      password: 'old',
      socketLogin: true,
      leftFiles: [],
    });
  });
  it('has no outcome when the log was cut', () => {
    const log = createRunLog();
    log.push('@@step check running\n@@step check done');
    log.end();
    expect(log.outcome()).toBeUndefined();
  });
});
