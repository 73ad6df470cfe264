import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendKnownHost,
  checkHostKey,
  hashHostToken,
  hostFieldMatches,
  keyTypeOf,
  knownKeyTypes,
  parseKnownHosts,
} from '../../../source/ssh/known-hosts.js';
import { fingerprintSha256 } from '../../../source/ssh/host-verifier.js';
import {
  hostToken,
  matchPatternList,
} from '../../../source/ssh/host-pattern.js';

/** A fake SSH public key blob: string type, then some bytes. */
function blob(type: string, fill: number): Buffer {
  const name = Buffer.from(type);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  return Buffer.concat([length, name, Buffer.alloc(32, fill)]);
}
const ed = blob('ssh-ed25519', 1);
const edOther = blob('ssh-ed25519', 2);
const rsa = blob('ssh-rsa', 3);
const line = (hosts: string, key: Buffer) =>
  `${hosts} ${keyTypeOf(key)} ${key.toString('base64')}`;

describe('known_hosts', () => {
  it('reads comments, markers, several hosts per line and [host]:port', () => {
    const text = [
      '# comment',
      '',
      line('db1,10.0.0.5', ed),
      line('[db2]:2222', rsa),
      `@revoked ${line('*', edOther)}`,
      `@cert-authority ${line('*.corp', rsa)}`,
      'garbage',
    ].join('\n');
    const entries = parseKnownHosts(text, 'kh');
    expect(
      entries.map((entry) => [
        entry.line,
        entry.marker,
        entry.hosts,
        entry.keyType,
      ]),
    ).toEqual([
      [3, undefined, 'db1,10.0.0.5', 'ssh-ed25519'],
      [4, undefined, '[db2]:2222', 'ssh-rsa'],
      [5, 'revoked', '*', 'ssh-ed25519'],
      [6, 'cert-authority', '*.corp', 'ssh-rsa'],
    ]);
  });

  it('matches hashed entries like OpenSSH writes them', () => {
    const salt = Buffer.alloc(20, 7);
    const hash = createHmac('sha1', salt)
      .update('[127.0.0.1]:2222')
      .digest('base64');
    const field = `|1|${salt.toString('base64')}|${hash}`;
    expect(hashHostToken('[127.0.0.1]:2222', salt)).toBe(field);
    expect(hostFieldMatches(field, '[127.0.0.1]:2222')).toBe(true);
    expect(hostFieldMatches(field, '127.0.0.1')).toBe(false);
    expect(hostFieldMatches('|1|broken', '127.0.0.1')).toBe(false);
  });

  it('matches patterns with wildcards and negation', () => {
    expect(matchPatternList('web-1.prod', ['*.prod', '!db*'])).toBe(true);
    expect(matchPatternList('db-1.prod', ['*.prod', '!db*'])).toBe(false);
    expect(matchPatternList('WEB-1.PROD', ['web-?.prod'])).toBe(true);
    expect(hostToken('h', 22)).toBe('h');
    expect(hostToken('h', 2222)).toBe('[h]:2222');
  });

  it('gives OpenSSH verdicts: known, changed, unknown, revoked', () => {
    const entries = parseKnownHosts(
      [
        line('db1', ed),
        line('[db2]:2222', rsa),
        `@revoked ${line('bad', edOther)}`,
      ].join('\n'),
      'kh',
    );
    expect(checkHostKey(entries, 'db1', 22, ed).status).toBe('known');
    expect(checkHostKey(entries, 'db1', 22, edOther)).toMatchObject({
      status: 'changed',
      entry: { line: 1, file: 'kh' },
    });
    expect(checkHostKey(entries, 'db1', 2222, ed)).toEqual({
      status: 'unknown',
      otherTypes: [],
    });
    expect(checkHostKey(entries, 'db2', 2222, ed)).toEqual({
      status: 'unknown',
      otherTypes: ['ssh-rsa'],
    });
    expect(checkHostKey(entries, 'bad', 22, edOther)).toMatchObject({
      status: 'revoked',
      entry: { line: 3 },
    });
    expect(knownKeyTypes(entries, 'db2', 2222)).toEqual(['ssh-rsa']);
  });

  it('considers every matching line, not only the first', () => {
    const entries = parseKnownHosts(
      [line('db1', edOther), line('db1', ed)].join('\n'),
      'kh',
    );
    expect(checkHostKey(entries, 'db1', 22, ed).status).toBe('known');
  });

  it('appends hashed or plain lines that the reader then knows', () => {
    const file = join(
      mkdtempSync(join(tmpdir(), 'opsdeck-kh-')),
      'sub',
      'known_hosts',
    );
    appendKnownHost(file, '10.0.0.9', 2200, ed, { hashed: true });
    writeFileSync(file, `${readFileSync(file, 'utf8')}${line('other', rsa)}`);
    appendKnownHost(file, 'db3', 22, rsa, { hashed: false });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^\|1\|/);
    expect(text).toContain(`\n${line('db3', rsa)}\n`);
    const entries = parseKnownHosts(text, file);
    expect(checkHostKey(entries, '10.0.0.9', 2200, ed).status).toBe('known');
    expect(checkHostKey(entries, 'db3', 22, rsa).status).toBe('known');
  });

  it('prints SHA256 fingerprints like OpenSSH (base64 without padding)', () => {
    expect(fingerprintSha256(ed)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
