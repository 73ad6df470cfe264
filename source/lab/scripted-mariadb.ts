/**
 * A private MariaDB managed by its own stop and start scripts, as on a host
 * where the server is not under systemd or an init script: the target of the
 * root-password reset in the lab. The start script passes $MYSQLD_OPTS to the
 * server. General log and binary log are on, so tests can search them.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection, type Connection } from 'mysql2/promise';
import { serverArgs } from './mariadb.js';
import { freePort, portOpen } from './ports.js';
import { waitFor } from './wait-for.js';

export interface ScriptedMariaDb {
  readonly dir: string;
  readonly port: number;
  readonly socket: string;
  readonly datadir: string;
  readonly pidFile: string;
  readonly errorLog: string;
  readonly generalLog: string;
  readonly startCommand: string;
  readonly stopCommand: string;
  /** Makes the next stop or start script call fail once (lab faults). */
  readonly failNext: (what: 'stop' | 'start') => void;
  readonly running: () => Promise<boolean>;
  readonly stop: () => Promise<void>;
}

const run = promisify(execFile);

function scripts(dir: string, server: string, args: string[]) {
  const pidFile = join(dir, 'mariadb.pid');
  const start = `#!/bin/sh
# Starts the lab's scripted MariaDB; extra server options come in $MYSQLD_OPTS.
if [ -e '${dir}/fail-start' ]; then rm -f '${dir}/fail-start'; echo 'lab fault: start refused' >&2; exit 1; fi
setsid '${server}' ${args.map((arg) => `'${arg}'`).join(' ')} $MYSQLD_OPTS </dev/null >>'${dir}/server.out' 2>&1 &
`;
  const stop = `#!/bin/sh
if [ -e '${dir}/fail-stop' ]; then rm -f '${dir}/fail-stop'; echo 'lab fault: stop refused' >&2; exit 1; fi
pid=$(cat '${pidFile}' 2>/dev/null) || exit 0
kill -TERM "$pid" 2>/dev/null || exit 0
for i in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
echo 'the server did not stop in 60 s' >&2; exit 1
`;
  return { start, stop, pidFile };
}

export async function startScriptedMariaDb(
  dir: string,
  binaries: { server: string; installDb: string },
  options: { rootPassword: string; socketLogin: boolean },
): Promise<ScriptedMariaDb> {
  const datadir = join(dir, 'data');
  const tmpdir = join(dir, 'tmp');
  mkdirSync(datadir, { recursive: true });
  mkdirSync(tmpdir, { recursive: true });
  const user = userInfo().username;
  await run(binaries.installDb, [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--user=${user}`,
    '--skip-test-db',
    `--tmpdir=${tmpdir}`,
  ]);
  const port = await freePort();
  const socket = join(dir, 'mariadb.sock');
  const errorLog = join(dir, 'error.log');
  const generalLog = join(dir, 'general.log');
  const files = scripts(dir, binaries.server, [
    ...serverArgs({
      datadir,
      port,
      socket,
      tmpdir,
      pidFile: join(dir, 'mariadb.pid'),
      user,
    }),
    '--innodb-buffer-pool-size=16M',
    '--log-bin=mariadb-bin',
    '--server-id=1',
    '--general-log=1',
    `--general-log-file=${generalLog}`,
    `--log-error=${errorLog}`,
  ]);
  const startPath = join(dir, 'start.sh');
  const stopPath = join(dir, 'stop.sh');
  writeFileSync(startPath, files.start);
  writeFileSync(stopPath, files.stop);
  chmodSync(startPath, 0o755);
  chmodSync(stopPath, 0o755);
  await run('sh', [startPath]);
  // The port opens a moment before the socket listens: wait for a login on
  // the socket itself (a busy machine showed ECONNREFUSED in between).
  let connection: Connection | undefined;
  await waitFor(
    'scripted MariaDB',
    async () => {
      if (!(await portOpen(port))) return false;
      connection = await createConnection({ socketPath: socket, user: 'root' });
      return true;
    },
    { timeoutMs: 30000 },
  );
  if (!connection) throw new Error('scripted MariaDB: no connection');
  // Like Debian: one root, at localhost, over the socket and with a password.
  try {
    const auth = options.socketLogin
      ? 'IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(?)'
      : 'IDENTIFIED BY ?';
    await connection.query(`ALTER USER 'root'@'localhost' ${auth}`, [
      options.rootPassword,
    ]);
    await connection.query("DROP USER IF EXISTS 'mysql'@'localhost'");
  } finally {
    await connection.end();
  }
  const running = () => portOpen(port);
  return {
    dir,
    port,
    socket,
    datadir,
    pidFile: files.pidFile,
    errorLog,
    generalLog,
    startCommand: startPath,
    stopCommand: stopPath,
    failNext: (what) => writeFileSync(join(dir, `fail-${what}`), ''),
    running,
    stop: () => stopScriptedMariaDb(dir),
  };
}

/** Stops the server a directory's stop script manages, if there is one. */
export async function stopScriptedMariaDb(dir: string): Promise<void> {
  const stopPath = join(dir, 'stop.sh');
  if (existsSync(stopPath)) await run('sh', [stopPath]).catch(() => undefined);
}
