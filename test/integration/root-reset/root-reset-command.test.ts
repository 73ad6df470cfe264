import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capturedIo } from '../../helpers/command-io.js';
import {
  runResetRoot,
  type ResetRootOptions,
} from '../../../source/commands/reset-root/command.js';
import { labTarget, sshd } from '../ssh/ssh-lab.js';
import { OLD_PASSWORD, tcpLogin, useResetServer } from './root-reset-lab.js';

describe.skipIf(!sshd.info)(`opsdeck reset-root${sshd.missing}`, () => {
  const lab = useResetServer();
  let config = '';
  beforeEach(() => {
    const ssh = labTarget();
    config = join(lab.server.dir, 'config.yaml');
    writeFileSync(
      config,
      [
        'mysql:',
        '  connections:',
        '    db:',
        `      ssh: ${JSON.stringify({ host: ssh.host, port: ssh.port, user: ssh.user, identityFile: ssh.identityFile, agent: false })}`,
        `      mysql: { host: 127.0.0.1, port: ${lab.server.port}, user: root }`,
        `      server: ${JSON.stringify({ stop: lab.server.stopCommand, start: lab.server.startCommand })}`,
        '',
      ].join('\n'),
    );
    vi.stubEnv('OPSDECK_SSH_KNOWN_HOSTS', sshd.info?.knownHostsPath ?? '');
  });
  afterEach(() => vi.unstubAllEnvs());

  const run = (options: Partial<ResetRootOptions>, stdin = '', name = 'db') => {
    const io = capturedIo();
    return runResetRoot(
      name,
      { config, ...options },
      io,
      Readable.from([stdin]),
    ).then((code) => ({ code, ...io }));
  };

  it('--detect shows what it found and changes nothing', async () => {
    const { code, stderr } = await run({ detect: true });
    expect(code).toBe(0);
    expect(stderr.join('\n')).toMatch(/server +mariadb 10\.\d+\.\d+/);
    expect(stderr.join('\n')).toContain(
      `profile commands (stop: ${lab.server.stopCommand}`,
    );
    expect(await tcpLogin(lab.server, OLD_PASSWORD)).toBe(true);
  }, 60000);

  it('without --yes and without a terminal it prints the plan and changes nothing', async () => {
    const { code, stderr } = await run({ passwordStdin: true }, 'never-used\n');
    expect(code).toBe(0);
    expect(stderr.join('\n')).toContain('Start it with the init file');
    expect(stderr.join('\n')).toContain('nothing changed; add --yes');
    expect(stderr.join('\n')).not.toContain('never-used');
    expect(await tcpLogin(lab.server, OLD_PASSWORD)).toBe(true);
  }, 60000);

  it('resets with the password from stdin and prints the result as JSON', async () => {
    const password = `from 'stdin' "\\" $PATH ü`;
    const { code, stdout, stderr } = await run(
      { passwordStdin: true, yes: true, json: true },
      `${password}\n`,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout[0] ?? '{}')).toMatchObject({
      ok: true,
      password: 'new',
      tunnelLogin: { ok: true },
    });
    expect(`${stdout.join('\n')}${stderr.join('\n')}`).not.toContain(password);
    lab.current = password;
    expect(await tcpLogin(lab.server, password)).toBe(true);
    expect(await tcpLogin(lab.server, OLD_PASSWORD)).toBe(false);
  }, 120000);

  it('refuses bad input before connecting', async () => {
    expect(
      (await run({ detect: true }, '', 'nope')).stderr.join('\n'),
    ).toContain('no MySQL connection named "nope" (known: db)');
    expect((await run({ method: 'reboot', passwordStdin: true })).code).toBe(2);
    expect(
      (await run({ account: 'root', passwordStdin: true })).stderr.join('\n'),
    ).toContain('"root" is not user@host');
    expect((await run({})).stderr.join('\n')).toContain('add --password-stdin');
    const empty = await run({ passwordStdin: true, yes: true }, '\n');
    expect(empty.code).toBe(2);
    expect(empty.stderr.join('\n')).toContain('the new password is empty');
    expect(await tcpLogin(lab.server, OLD_PASSWORD)).toBe(true);
  }, 60000);
});
