import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  resolveSshHost,
  splitConfigLine,
} from '../../../source/ssh/ssh-config.js';
import {
  parseDestination,
  resolveHops,
} from '../../../source/ssh/ssh-resolve.js';

function home(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-sshconfig-'));
  mkdirSync(join(dir, '.ssh', 'conf.d'), { recursive: true });
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, '.ssh', name), text);
  return {
    dir,
    sources: [
      { path: join(dir, '.ssh', 'config'), includeBase: join(dir, '.ssh') },
    ],
  };
}

describe('ssh config', () => {
  it('splits keyword=value, quoted values and comments', () => {
    expect(splitConfigLine('  IdentityFile "~/My Keys/id"')).toEqual([
      'IdentityFile',
      '~/My Keys/id',
    ]);
    expect(splitConfigLine('Port=2222')).toEqual(['Port', '2222']);
    expect(splitConfigLine('Host a b !c')).toEqual(['Host', 'a', 'b', '!c']);
  });

  it('resolves an alias with first-value-wins, accumulated identities, tokens and includes', () => {
    const { dir, sources } = home({
      config: [
        '# top',
        'Include conf.d/*.conf',
        'Host db1 !db1-old',
        '  HostName 10.0.0.%h',
        '  User admin',
        '  IdentityFile ~/.ssh/id_%r',
        'Host db*',
        '  Port 2222',
        '  User ignored',
        '  IdentityFile %d/.ssh/second',
        '  ProxyJump bastion',
        'Match host db1',
        '  HashKnownHosts yes',
        'Match exec "true"',
        '  User never',
        'Host *',
        '  UserKnownHostsFile ~/.ssh/kh1 ~/.ssh/kh2',
        '',
      ].join('\n'),
      'conf.d/10-a.conf':
        'Host bastion\n  HostName bastion.example.com\n  User jump\n',
    });
    const db1 = resolveSshHost('db1', sources, dir);
    expect(db1).toEqual({
      hostName: '10.0.0.db1',
      user: 'admin',
      port: 2222,
      identityFiles: [
        join(dir, '.ssh', 'id_admin'),
        join(dir, '.ssh', 'second'),
      ],
      proxyJump: 'bastion',
      identitiesOnly: false,
      identityAgent: undefined,
      userKnownHostsFiles: [join(dir, '.ssh', 'kh1'), join(dir, '.ssh', 'kh2')],
      hashKnownHosts: true,
    });
    expect(resolveSshHost('db1-old', sources, dir)).toMatchObject({
      hostName: 'db1-old',
      user: 'ignored',
      port: 2222,
    });
    expect(resolveSshHost('bastion', sources, dir)).toMatchObject({
      hostName: 'bastion.example.com',
      user: 'jump',
    });
  });

  it('resolves a target through ProxyJump into hops, jump host first', () => {
    const { dir, sources } = home({
      config:
        'Host inner\n  HostName 10.1.2.3\n  ProxyJump ops@gate:2200,[fe80::1]:22\n',
    });
    const environment = {
      home: dir,
      localUser: 'me',
      agentSocket: undefined,
      configFiles: sources,
    };
    const hops = resolveHops({ host: 'inner' }, environment);
    expect(hops.map((hop) => [hop.host, hop.port, hop.user])).toEqual([
      ['gate', 2200, 'ops'],
      ['fe80::1', 22, 'me'],
      ['10.1.2.3', 22, 'me'],
    ]);
    expect(hops[2]?.knownHostsFiles).toEqual([
      join(dir, '.ssh', 'known_hosts'),
    ]);
    expect(parseDestination('u@h:1')).toEqual({
      host: 'h',
      port: 1,
      user: 'u',
    });
    expect(() => parseDestination('u@')).toThrow(/cannot read SSH destination/);
  });
});
