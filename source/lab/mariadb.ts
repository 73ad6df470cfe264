/** A private MariaDB: own datadir, port and socket, started from the Debian binaries. */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, portOpen, socketOpen } from './ports.js';
import { startGuarded } from './guarded-process.js';
import { waitFor } from './wait-for.js';

export interface MariaDbServer {
  readonly host: string;
  readonly port: number;
  readonly socket: string;
  readonly datadir: string;
  readonly version: string;
  readonly stop: () => Promise<void>;
}

const SERVER_BINARIES = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'];

export function findMariaDb():
  { server: string; installDb: string } | { missing: string } {
  const server = SERVER_BINARIES.find((path) => existsSync(path));
  const installDb = ['mariadb-install-db', 'mysql_install_db'].find(
    (name) =>
      spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' })
        .status === 0,
  );
  if (!server || !installDb)
    return {
      missing:
        'mariadb-server is not installed (apt-get install mariadb-server)',
    };
  return { server, installDb };
}

/** A loopback-only server of its own: no option files, own paths. */
export function serverArgs(paths: {
  datadir: string;
  port: number;
  socket: string;
  tmpdir: string;
  pidFile: string;
  user: string;
}): string[] {
  return [
    '--no-defaults',
    `--datadir=${paths.datadir}`,
    `--port=${paths.port}`,
    '--bind-address=127.0.0.1',
    `--socket=${paths.socket}`,
    `--tmpdir=${paths.tmpdir}`,
    `--pid-file=${paths.pidFile}`,
    `--user=${paths.user}`,
  ];
}

export async function startMariaDb(
  dir: string,
  binaries: { server: string; installDb: string },
): Promise<MariaDbServer> {
  const datadir = join(dir, 'mariadb');
  const socket = join(dir, 'mariadb.sock');
  // A temp dir of its own: labs started side by side (parallel test runs)
  // must not trip over each other's temporary tables in /tmp.
  const tmpdir = join(dir, 'mariadb-tmp');
  mkdirSync(datadir, { recursive: true });
  mkdirSync(tmpdir, { recursive: true });
  const user = userInfo().username;
  const run = promisify(execFile);
  try {
    await run(binaries.installDb, [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--user=${user}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      `--tmpdir=${tmpdir}`,
    ]);
  } catch (error) {
    throw new Error(
      `mariadb-install-db failed: ${String((error as { stderr?: string }).stderr ?? error).slice(-400)}`,
    );
  }
  const version = (await run(binaries.server, ['--version'])).stdout.trim();
  const port = await freePort();
  const server = startGuarded(
    binaries.server,
    [
      ...serverArgs({
        datadir,
        port,
        socket,
        tmpdir,
        pidFile: join(dir, 'mariadb.pid'),
        user,
      }),
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=32M',
      '--log-bin=mariadb-bin',
      '--server-id=1',
      `--general-log-file=${join(dir, 'mariadb-general.log')}`,
    ],
    { logFile: join(dir, 'mariadb.log') },
  );
  // The port opens a moment before the socket the seeding uses listens.
  await waitFor(
    'MariaDB',
    async () => (await portOpen(port)) && (await socketOpen(socket)),
    {
      timeoutMs: 30000,
      exited: server.exited,
    },
  );
  return {
    host: '127.0.0.1',
    port,
    socket,
    datadir,
    version,
    stop: () => server.stop(),
  };
}
