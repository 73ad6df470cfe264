/** Helpers for the SSH and MySQL tests: private homes, agents, a private sshd. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { startSshd, type SshServer } from '../../../source/lab/sshd.js';
import {
  createSshSession,
  type SshSession,
} from '../../../source/ssh/ssh-session.js';
import type {
  HostKeyQuestion,
  SshEnvironment,
  SshPrompts,
  SshTarget,
} from '../../../source/ssh/ssh-types.js';
import { labPart } from '../../helpers/lab.js';

export const sshd = labPart('sshd');
export const mariadb = labPart('mariadb');

/** A home directory of its own, with a copy of the lab's known_hosts. */
export function tempHome(
  options: { knownHosts?: string; config?: string } = {},
) {
  const home = mkdtempSync(join(tmpdir(), 'opsdeck-ssh-test-'));
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  if (options.knownHosts !== undefined)
    writeFileSync(knownHosts, options.knownHosts);
  if (options.config !== undefined)
    writeFileSync(join(home, '.ssh', 'config'), options.config);
  const environment: SshEnvironment = {
    home,
    localUser: userInfo().username,
    agentSocket: undefined,
    configFiles: [
      { path: join(home, '.ssh', 'config'), includeBase: join(home, '.ssh') },
    ],
  };
  return { home, knownHosts, environment };
}

export function labKnownHosts(): string {
  return readFileSync(sshd.info?.knownHostsPath ?? '', 'utf8');
}

export function labTarget(extra: Partial<SshTarget> = {}): SshTarget {
  const info = sshd.info;
  if (!info) throw new Error('no sshd in the lab');
  return {
    host: info.host,
    port: info.port,
    user: info.user,
    identityFile: info.keyPath,
    agent: false,
    ...extra,
  };
}

/** Prompts that record what was asked; answers come from the test. */
export function recordingPrompts(
  answers: { trust?: boolean; passphrase?: string[] } = {},
) {
  const questions: HostKeyQuestion[] = [];
  const asked: string[] = [];
  const passphrases = [...(answers.passphrase ?? [])];
  const prompts: SshPrompts = {
    ask: (prompt) => {
      asked.push(prompt);
      return Promise.resolve(passphrases.shift());
    },
    confirmHostKey: (question) => {
      questions.push(question);
      return Promise.resolve(answers.trust ?? false);
    },
  };
  return { prompts, questions, asked };
}

/** An ssh-agent of our own on a private socket, stopped by pid. */
export async function startAgent(
  keys: string[],
): Promise<{ socket: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-agent-'));
  const socket = join(dir, 'agent.sock');
  const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', socket], {
    stdio: 'ignore',
  });
  for (let waited = 0; !existsSync(socket) && waited < 5000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  for (const key of keys)
    execFileSync('ssh-add', ['-q', key], {
      env: { ...process.env, SSH_AUTH_SOCK: socket },
      stdio: 'ignore',
    });
  return { socket, stop: () => agent.kill('SIGTERM') };
}

/** The public key line (type + base64) of a key file. */
export function publicKeyOf(path: string): string {
  return readFileSync(`${path}.pub`, 'utf8')
    .trim()
    .split(' ')
    .slice(0, 2)
    .join(' ');
}

export function sha256Fingerprint(pubPath: string): string {
  return (
    execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubPath], {
      encoding: 'utf8',
    }).split(' ')[1] ?? ''
  );
}

export function keygen(path: string, passphrase = ''): string {
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    passphrase,
    '-C',
    'test',
    '-f',
    path,
  ]);
  return path;
}

/** A private sshd (own dir) for tests that kill it; the shared one survives. */
export async function privateSshd(): Promise<
  SshServer & { dir: string; authorize: (pubPath: string) => void }
> {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-private-sshd-'));
  const server = await startSshd(dir);
  const authorizedKeys = join(dir, 'ssh', 'authorized_keys');
  return {
    ...server,
    dir,
    authorize: (pubPath) =>
      writeFileSync(
        authorizedKeys,
        `${readFileSync(authorizedKeys, 'utf8')}${readFileSync(pubPath, 'utf8')}`,
      ),
  };
}

/** A session to the lab's sshd as its user, in a home of its own that knows the lab's host key. */
export function openLabSsh(): SshSession {
  const { environment } = tempHome({ knownHosts: labKnownHosts() });
  return createSshSession({
    target: labTarget(),
    prompts: recordingPrompts().prompts,
    environment,
  });
}
