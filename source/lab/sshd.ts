/** A private OpenSSH server on a loopback port, with its own host key and one user key. */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';
import { startGuarded } from './guarded-process.js';
import { waitFor } from './wait-for.js';

export interface SshServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Private key that the server accepts for `user`. */
  readonly keyPath: string;
  /** A known_hosts file with the server's key, for clients that verify. */
  readonly knownHostsPath: string;
  readonly hostKeyPath: string;
  readonly stop: () => Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

export function findSshd(): { sshd: string } | { missing: string } {
  if (!existsSync(SSHD))
    return {
      missing:
        'openssh-server is not installed (apt-get install openssh-server)',
    };
  if (
    spawnSync('sh', ['-c', 'command -v ssh-keygen'], { stdio: 'ignore' })
      .status !== 0
  )
    return { missing: 'ssh-keygen is not installed' };
  return { sshd: SSHD };
}

function banner(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('SSH-'));
    });
    socket.on('error', () => resolve(false));
  });
}

export async function startSshd(dir: string): Promise<SshServer> {
  const home = join(dir, 'ssh');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const hostKeyPath = join(home, 'host_ed25519');
  const keyPath = join(home, 'user_ed25519');
  const keygen = (comment: string, path: string) =>
    promisify(execFile)('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      comment,
      '-f',
      path,
    ]);
  await Promise.all([
    keygen('opsdeck-lab-host', hostKeyPath),
    keygen('opsdeck-lab-user', keyPath),
  ]);
  const authorizedKeys = join(home, 'authorized_keys');
  copyFileSync(`${keyPath}.pub`, authorizedKeys);
  chmodSync(authorizedKeys, 0o600);
  // Running as root, sshd wants its privilege-separation directory (systemd makes it on a normal boot).
  if (process.getuid?.() === 0 && !existsSync('/run/sshd'))
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const user = userInfo().username;
  const config = join(home, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKeyPath}`,
      `PidFile ${join(home, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user}`,
      'AllowTcpForwarding yes',
      'ClientAliveInterval 30',
      'Subsystem sftp internal-sftp',
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  const server = startGuarded(SSHD, ['-D', '-e', '-f', config], {
    logFile: join(dir, 'sshd.log'),
  });
  await waitFor('sshd', () => banner(port), {
    timeoutMs: 15000,
    exited: server.exited,
  });
  const hostKey = readFileSync(`${hostKeyPath}.pub`, 'utf8')
    .trim()
    .split(' ')
    .slice(0, 2)
    .join(' ');
  const knownHostsPath = join(home, 'known_hosts');
  writeFileSync(knownHostsPath, `[127.0.0.1]:${port} ${hostKey}\n`);
  return {
    host: '127.0.0.1',
    port,
    user,
    keyPath,
    knownHostsPath,
    hostKeyPath,
    stop: () => server.stop(),
  };
}
