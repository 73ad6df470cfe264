/** Turns the detection script's `key=value` lines into a Detection, or says why it cannot. */
import { posix } from 'node:path';
import { UserError } from '../../../lib/errors.js';
import type { Access, Detection, Manager } from '../types.js';

export interface DetectInput {
  readonly host: string;
  readonly viaSudo: boolean;
  /** The server as the connection profile names it. */
  readonly port: number | undefined;
  readonly socket: string | undefined;
  /** Custom stop/start commands from the connection profile. */
  readonly server:
    { readonly stop: string; readonly start: string } | undefined;
}

type Facts = Map<string, string[]>;

function parseFacts(text: string): Facts {
  const facts: Facts = new Map();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const key = line.slice(0, at);
    const list = facts.get(key) ?? [];
    list.push(line.slice(at + 1));
    facts.set(key, list);
  }
  return facts;
}

const one = (facts: Facts, key: string) => facts.get(key)?.[0];
const flag = (value: string | undefined) =>
  value !== undefined && /^(true|on|1|yes)$/i.test(value.trim());

function chooseProcess(facts: Facts, input: DetectInput): string {
  const pids = facts.get('proc') ?? [];
  const describe = (pid: string) =>
    `pid ${pid} (port ${one(facts, `listen.${pid}`) ?? one(facts, `proc.${pid}.port`) ?? '?'}, socket ${one(facts, `proc.${pid}.socket`) ?? '?'})`;
  if (pids.length === 0) {
    if (facts.has('binary'))
      throw new UserError(
        `MySQL/MariaDB is installed on ${input.host} but no server is running`,
        {
          hint: 'start it first; the wizard resets a running server and leaves it running',
        },
      );
    throw new UserError(`no MySQL or MariaDB server on ${input.host}`, {
      hint: 'no mariadbd or mysqld runs or is installed there; nothing was changed',
    });
  }
  const match = pids.filter((pid) =>
    input.socket
      ? one(facts, `proc.${pid}.socket`) === input.socket
      : (
          facts.get(`listen.${pid}`) ?? [one(facts, `proc.${pid}.port`)]
        ).includes(String(input.port ?? 3306)),
  );
  if (match.length === 1) return match[0]!;
  const wanted = input.socket
    ? `socket ${input.socket}`
    : `port ${input.port ?? 3306}`;
  throw new UserError(
    match.length === 0
      ? `no server on ${input.host} uses ${wanted}`
      : `${match.length} servers on ${input.host} use ${wanted}`,
    {
      hint: `found ${pids.map(describe).join(', ')}; fix the connection profile`,
    },
  );
}

function managerOf(facts: Facts, pid: string, input: DetectInput): Manager {
  if (input.server) return { kind: 'custom', ...input.server };
  const parent = one(facts, `proc.${pid}.ppid`);
  if (one(facts, 'systemd') === 'yes') {
    for (const unit of ['mariadb', 'mysql', 'mysqld']) {
      const main = one(facts, `unit.${unit}.MainPID`);
      if (
        main !== undefined &&
        main !== '0' &&
        (main === pid || main === parent)
      )
        return {
          kind: 'systemd',
          unit: one(facts, `unit.${unit}.Id`) ?? `${unit}.service`,
          optsInExecStart: one(facts, `unit.${unit}.opts`) === 'yes',
        };
    }
  }
  const script = one(facts, 'sysv');
  // An init script manages the server of the default option files only.
  const isDefault =
    one(facts, `proc.${pid}.pid-file`)?.trim() ===
    one(facts, 'default.pid-file')?.trim();
  if (script && isDefault && one(facts, 'systemd') !== 'yes')
    return { kind: 'sysv', script };
  throw new UserError(
    `cannot tell how the server on ${input.host} is started`,
    {
      hint: 'no systemd unit or init script runs this one; set server.stop and server.start in the connection profile',
    },
  );
}

/** The detection without a way in; detect-server adds what the probe found. */
export function detectionOf(text: string, input: DetectInput): Detection {
  const facts = parseFacts(text);
  const pid = chooseProcess(facts, input);
  const get = (key: string) => one(facts, `proc.${pid}.${key}`)?.trim() ?? '';
  const versionLine = get('version');
  const flavour = /mariadb/i.test(versionLine) ? 'mariadb' : 'mysql';
  const client =
    (facts.get('client') ?? []).find((path) =>
      path.endsWith(flavour === 'mariadb' ? 'mariadb' : 'mysql'),
    ) ?? one(facts, 'client');
  if (!client)
    throw new UserError(`no mariadb or mysql client on ${input.host}`, {
      hint: 'install the client package of the server; the wizard checks logins with it',
    });
  const pidFile = get('pid-file');
  const socket = get('socket');
  const logBin = get('log-bin');
  const apparmor = one(facts, 'apparmor') || undefined;
  const selinux = one(facts, 'selinux') || undefined;
  const notes: string[] = [];
  if (apparmor)
    notes.push(
      `AppArmor confines the server (${apparmor}); the init file goes in its runtime directory, which the profile allows`,
    );
  if (selinux && /enforcing/i.test(selinux))
    notes.push(
      "SELinux is enforcing; the init file goes in the server's runtime directory, which mysqld_t may read",
    );
  const galera = flag(get('wsrep-on'));
  if (galera) notes.push('this is a Galera node: a restart is a cluster event');
  const listen =
    facts.get(`listen.${pid}`)?.[0] ??
    (flag(get('skip-networking')) ? undefined : get('port'));
  return {
    host: input.host,
    osUser: one(facts, 'os_user') ?? '?',
    viaSudo: input.viaSudo,
    flavour,
    version: /(\d+\.\d+\.\d+)/.exec(versionLine)?.[1] ?? '?',
    versionLine,
    serverBinary: get('exe'),
    client,
    pid: Number(pid),
    running: true,
    serverUser: get('owner') || 'mysql',
    socket,
    port: listen ? Number(listen) : undefined,
    datadir: get('datadir'),
    pidFile,
    errorLog: get('log-error') || undefined,
    runtimeDir: posix.dirname(pidFile || socket),
    manager: managerOf(facts, pid, input),
    apparmor,
    selinux,
    // --skip-log-bin reads "0"; no option at all reads "(No default value)".
    binaryLog:
      logBin !== '' && !/^(0|false|\(no default value\))$/i.test(logBin),
    galera,
    access: undefined,
    leftover: (facts.get('leftover') ?? [])
      .map((line) => line.split(' '))
      .find(([, , target]) => target === socket)?.[0],
    notes,
  };
}

export function accessOf(text: string): Access | undefined {
  const facts = parseFacts(text);
  switch (one(facts, 'access') ?? 'none') {
    case 'socket-root':
      return { kind: 'socket-root' };
    case 'maintenance-file':
      return {
        kind: 'maintenance-file',
        path: one(facts, 'access.path') ?? '',
        user: one(facts, 'access.user') ?? '',
      };
    case 'temporary-password':
      return {
        kind: 'temporary-password',
        log: one(facts, 'access.log') ?? '',
      };
    default:
      return undefined;
  }
}

/** Runs of earlier resets that still go on (their link dropped): wait for them first. */
export function runningResets(text: string): string[] {
  return (parseFacts(text).get('leftover') ?? []).flatMap((line) => {
    const [dir = '', state] = line.split(' ');
    return state === 'running' ? [dir] : [];
  });
}
