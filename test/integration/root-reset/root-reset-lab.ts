/** A scripted MariaDB behind the lab's sshd, reset by the wizard's engine. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { rootOverSocket, rootOverTcp } from '../../helpers/mysql-login.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import { findMariaDb } from '../../../source/lab/mariadb.js';
import {
  startScriptedMariaDb,
  type ScriptedMariaDb,
} from '../../../source/lab/scripted-mariadb.js';
import type { SshSession } from '../../../source/ssh/ssh-session.js';
import {
  defaultOptions,
  planOf,
} from '../../../source/wizards/root-reset/plan.js';
import {
  detectServer,
  runReset,
  type Connected,
  type ResetTarget,
} from '../../../source/wizards/root-reset/reset-service.js';
import type {
  ResetOptions,
  ResetResult,
  RunEvent,
} from '../../../source/wizards/root-reset/types.js';
import { openLabSsh, sshd } from '../ssh/ssh-lab.js';

export { sshd };
export const OLD_PASSWORD = 'old-Pa55word';

async function startResetServer(
  socketLogin: boolean,
): Promise<ScriptedMariaDb> {
  const found = findMariaDb();
  if ('missing' in found) throw new Error(found.missing);
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-reset-lab-'));
  return startScriptedMariaDb(dir, found, {
    rootPassword: OLD_PASSWORD,
    socketLogin,
  });
}

function removeServerDir(server: ScriptedMariaDb): void {
  rmSync(server.dir, { recursive: true, force: true });
}

export function resetTarget(
  ssh: SshSession,
  server: ScriptedMariaDb,
  custom = true,
): ResetTarget {
  return {
    ssh,
    port: server.port,
    socket: undefined,
    server: custom
      ? { stop: server.stopCommand, start: server.startCommand }
      : undefined,
    sudoPassword: undefined,
  };
}

export interface ResetRun {
  readonly connected: Connected;
  readonly result: ResetResult;
  readonly events: RunEvent[];
}

export async function reset(
  ssh: SshSession,
  server: ScriptedMariaDb,
  password: string,
  options: Partial<ResetOptions> = {},
): Promise<ResetRun> {
  const connected = await detectServer(resetTarget(ssh, server));
  const plan = planOf(connected.detection, {
    ...defaultOptions(connected.detection),
    waitSeconds: 60,
    ...options,
  });
  const events: RunEvent[] = [];
  const result = await runReset(
    connected,
    plan,
    password,
    (event) => events.push(event),
    { ssh, tunnelPort: server.port, guard: createWriteGuard(false) },
  );
  return { connected, result, events };
}

/** Whether `password` logs in as root over TCP. */
export const tcpLogin = (server: ScriptedMariaDb, password: string) =>
  rootOverTcp(server.port, password);

/** Whether OS root gets in over the socket without a password (unix_socket). */
export const socketLogin = (server: ScriptedMariaDb) =>
  rootOverSocket(server.socket);

/** Every file the wizard could have left for this server: init files, run directories. */
export function leftovers(server: ScriptedMariaDb): string[] {
  const init = readdirSync(server.dir).filter((name) =>
    name.startsWith('opsdeck-init.'),
  );
  return [...init, ...runDirectories(server)];
}

/** Run directories of resets of this server (other tests reset other servers at the same time). */
export function runDirectories(server: ScriptedMariaDb): string[] {
  return ['/run', '/tmp'].flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => name.startsWith('opsdeck-reset.'))
        .map((name) => join(dir, name))
        .filter((path) => {
          try {
            return readFileSync(join(path, 'log'), 'utf8').includes(
              `@@target ${server.socket}`,
            );
          } catch {
            return false;
          }
        });
    } catch {
      return [];
    }
  });
}

/** The general log and every binary log, as text. */
export function serverLogs(server: ScriptedMariaDb): string {
  const data = join(server.dir, 'data');
  const binlogs = readdirSync(data).filter((name) =>
    /^mariadb-bin\.\d+$/.test(name),
  );
  return [server.generalLog, ...binlogs.map((name) => join(data, name))]
    .map(
      (path) =>
        readFileSync(path).toString('latin1') +
        readFileSync(path).toString('utf8'),
    )
    .join('\n');
}

/** Sets root@localhost as a test needs it, logging in with the current password. */
export async function setRoot(
  server: ScriptedMariaDb,
  current: string,
  next: { password: string; socket: boolean },
): Promise<void> {
  const connection = await createConnection({
    host: '127.0.0.1',
    port: server.port,
    user: 'root',
    password: current,
  });
  try {
    const auth = next.socket
      ? 'IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(?)'
      : 'IDENTIFIED BY ?';
    await connection.query(`ALTER USER 'root'@'localhost' ${auth}`, [
      next.password,
    ]);
  } finally {
    await connection.end();
  }
}

/** The server's pid: a reset without a restart keeps it. */
export function serverPid(server: ScriptedMariaDb): number {
  return Number(readFileSync(server.pidFile, 'utf8').trim());
}

export interface ResetLab {
  server: ScriptedMariaDb;
  ssh: SshSession;
  /** root@localhost's password now; each test starts from OLD_PASSWORD, password only. */
  current: string;
}

/** A scripted server and an SSH session for a describe block, reset to a known root before each test. */
export function useResetServer(): ResetLab {
  const lab = { current: OLD_PASSWORD } as ResetLab;
  beforeAll(async () => {
    lab.server = await startResetServer(false);
    lab.ssh = openLabSsh();
  }, 60000);
  afterAll(async () => {
    await lab.ssh?.close();
    await lab.server?.stop();
    if (lab.server) removeServerDir(lab.server);
  });
  beforeEach(async () => {
    await setRoot(lab.server, lab.current, {
      password: OLD_PASSWORD,
      socket: false,
    });
    lab.current = OLD_PASSWORD;
  });
  return lab;
}
