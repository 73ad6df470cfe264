import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSshSession,
  type SshSession,
} from '../../../source/ssh/ssh-session.js';
import { parseKnownHosts } from '../../../source/ssh/known-hosts.js';
import {
  keygen,
  labKnownHosts,
  labTarget,
  publicKeyOf,
  recordingPrompts,
  sha256Fingerprint,
  sshd,
  startAgent,
  tempHome,
} from './ssh-lab.js';

describe.skipIf(!sshd.info)(`SSH to the lab's OpenSSH${sshd.missing}`, () => {
  const sessions: SshSession[] = [];
  const open = (...args: Parameters<typeof createSshSession>) => {
    const session = createSshSession(...args);
    sessions.push(session);
    return session;
  };
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  it('connects by key file and runs a command with streamed output and exit code', async () => {
    const { environment } = tempHome({ knownHosts: labKnownHosts() });
    const { prompts, questions } = recordingPrompts();
    const session = open({ target: labTarget(), prompts, environment });
    const chunks: string[] = [];
    const result = await session.exec('echo out; echo err >&2; exit 3', {
      onStdout: (chunk) => chunks.push(chunk.toString()),
    });
    expect(result).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n' });
    expect(chunks.join('')).toBe('out\n');
    expect(questions).toEqual([]);
    expect(session.state()).toBe('connected');
  });

  it('feeds stdin to a command and never puts it in argv', async () => {
    const { environment } = tempHome({ knownHosts: labKnownHosts() });
    const session = open({
      target: labTarget(),
      prompts: recordingPrompts().prompts,
      environment,
    });
    const secret = `s3cret-${Date.now()}`;
    const result = await session.exec(
      'IFS= read -r line; ps -eo args | grep -c "$line" || true; printf "%s" "$line" | wc -c',
      {
        stdin: `${secret}\n`,
      },
    );
    // grep -c counts only its own command line ("grep -c <secret>"): nothing else holds it.
    expect(result.stdout.trim().split('\n')).toEqual([
      '1',
      String(secret.length),
    ]);
  });

  it('connects through ssh-agent', async () => {
    const agent = await startAgent([sshd.info?.keyPath ?? '']);
    try {
      const { environment } = tempHome({ knownHosts: labKnownHosts() });
      const session = open({
        target: labTarget({ identityFile: undefined, agent: agent.socket }),
        prompts: recordingPrompts().prompts,
        environment,
      });
      const result = await session.exec('echo agent-ok');
      expect(result.stdout).toBe('agent-ok\n');
    } finally {
      agent.stop();
    }
  });

  it('resolves a ~/.ssh/config alias and reaches the host through a jump host', async () => {
    const info = sshd.info!;
    const config = [
      'Host labbox',
      '  HostName 127.0.0.1',
      `  Port ${info.port}`,
      `  User ${info.user}`,
      `  IdentityFile ${info.keyPath}`,
      'Host labjump',
      '  HostName 127.0.0.1',
      `  Port ${info.port}`,
      `  IdentityFile ${info.keyPath}`,
      'Host behind',
      '  HostName 127.0.0.1',
      `  Port ${info.port}`,
      `  IdentityFile ${info.keyPath}`,
      '  ProxyJump labjump',
      '',
    ].join('\n');
    const { environment } = tempHome({ knownHosts: labKnownHosts(), config });
    const prompts = recordingPrompts().prompts;
    const direct = open({
      target: { host: 'labbox', agent: false },
      prompts,
      environment,
    });
    expect(direct.name).toBe(`${info.user}@127.0.0.1:${info.port}`);
    expect((await direct.exec('echo $SSH_CONNECTION')).stdout).toMatch(
      /^127\.0\.0\.1 \d+ 127\.0\.0\.1 \d+/,
    );
    const hopped = open({
      target: { host: 'behind', agent: false },
      prompts,
      environment,
    });
    const seen = (await hopped.exec('echo $SSH_CONNECTION')).stdout;
    expect(seen).toMatch(
      new RegExp(`^127\\.0\\.0\\.1 \\d+ 127\\.0\\.0\\.1 ${info.port}`),
    );
  });

  it('asks about an unknown key, saves it hashed when HashKnownHosts is on, then knows it', async () => {
    const { environment, knownHosts } = tempHome({
      config: 'Host *\n  HashKnownHosts yes\n',
    });
    const first = recordingPrompts({ trust: true });
    const session = open({
      target: labTarget(),
      prompts: first.prompts,
      environment,
    });
    await session.connect();
    const hostPub = join(sshd.info!.keyPath, '..', 'host_ed25519.pub');
    expect(first.questions).toEqual([
      {
        host: '127.0.0.1',
        port: sshd.info!.port,
        keyType: 'ssh-ed25519',
        fingerprintSha256: sha256Fingerprint(hostPub),
        otherTypes: [],
      },
    ]);
    const saved = readFileSync(knownHosts, 'utf8');
    expect(saved).toMatch(/^\|1\|[^|]+\|[^ ]+ ssh-ed25519 /);
    expect(saved).toContain(
      publicKeyOf(hostPub.replace(/\.pub$/, '')).split(' ')[1],
    );
    const again = recordingPrompts({ trust: false });
    const second = open({
      target: labTarget(),
      prompts: again.prompts,
      environment,
    });
    await second.connect();
    expect(again.questions).toEqual([]);
  });

  it('saves a trusted key plain when HashKnownHosts is off', async () => {
    const { environment, knownHosts } = tempHome({ config: '' });
    const session = open({
      target: labTarget(),
      prompts: recordingPrompts({ trust: true }).prompts,
      environment,
    });
    await session.connect();
    expect(readFileSync(knownHosts, 'utf8')).toMatch(
      new RegExp(`^\\[127\\.0\\.0\\.1\\]:${sshd.info!.port} ssh-ed25519 `),
    );
  });

  it('refuses an unknown key the person does not trust, and writes nothing', async () => {
    const { environment, knownHosts } = tempHome({ knownHosts: '' });
    const session = open({
      target: labTarget(),
      prompts: recordingPrompts({ trust: false }).prompts,
      environment,
    });
    await expect(session.connect()).rejects.toThrow(
      /was not trusted; not connected/,
    );
    expect(readFileSync(knownHosts, 'utf8')).toBe('');
    expect(session.state()).toBe('failed');
  });

  it('accepts a hashed known_hosts entry written by ssh-keygen -H', async () => {
    const { environment, knownHosts } = tempHome({
      knownHosts: `# lab\n${labKnownHosts()}`,
    });
    const { execFileSync } = await import('node:child_process');
    execFileSync('ssh-keygen', ['-q', '-H', '-f', knownHosts], {
      stdio: 'ignore',
    });
    const hashed = parseKnownHosts(
      readFileSync(knownHosts, 'utf8'),
      knownHosts,
    );
    expect(hashed.every((entry) => entry.hosts.startsWith('|1|'))).toBe(true);
    const recording = recordingPrompts({ trust: false });
    const session = open({
      target: labTarget(),
      prompts: recording.prompts,
      environment,
    });
    await session.connect();
    expect(recording.questions).toEqual([]);
  });

  it('refuses a changed key loudly, naming the file and line, without asking', async () => {
    const { environment, knownHosts, home } = tempHome();
    const other = publicKeyOf(keygen(join(home, 'other_host_key')));
    writeFileSync(
      knownHosts,
      `# first line is a comment\n[127.0.0.1]:${sshd.info!.port} ${other}\n`,
    );
    const recording = recordingPrompts({ trust: true });
    const session = open({
      target: labTarget(),
      prompts: recording.prompts,
      environment,
    });
    const failure = session.connect();
    await expect(failure).rejects.toThrow(/HOST KEY CHANGED/);
    await expect(failure).rejects.toThrow(
      `${knownHosts} line 2 holds a different key`,
    );
    expect(recording.questions).toEqual([]);
    // It never connected, so it did not lose a link either.
    expect(session.state()).toBe('failed');
    expect(session.lastError()?.name).toBe('HostKeyError');
  });

  it('refuses a key marked @revoked', async () => {
    const { environment, knownHosts } = tempHome();
    const hostKey = publicKeyOf(join(sshd.info!.keyPath, '..', 'host_ed25519'));
    writeFileSync(knownHosts, `@revoked * ${hostKey}\n${labKnownHosts()}`);
    const session = open({
      target: labTarget(),
      prompts: recordingPrompts({ trust: true }).prompts,
      environment,
    });
    await expect(session.connect()).rejects.toThrow(
      /REVOKED HOST KEY .* line 1/,
    );
  });

  it('names the methods it tried when the login is refused', async () => {
    const { environment, home } = tempHome({ knownHosts: labKnownHosts() });
    const stranger = keygen(join(home, 'stranger'));
    const session = open({
      target: labTarget({ identityFile: stranger }),
      prompts: recordingPrompts().prompts,
      environment,
    });
    const failure = session.connect();
    await expect(failure).rejects.toThrow(/SSH login to .* was refused/);
    const error = (await failure.catch((caught: unknown) => caught)) as {
      hint?: string;
    };
    expect(error.hint).toContain(`key ${stranger}`);
  });

  it('says which tunnel target did not answer', async () => {
    const { environment } = tempHome({ knownHosts: labKnownHosts() });
    const session = open({
      target: labTarget(),
      prompts: recordingPrompts().prompts,
      environment,
    });
    await expect(session.forwardOut('127.0.0.1', 1)).rejects.toThrow(
      /nothing answered at 127\.0\.0\.1:1 as seen from/,
    );
  });
});
