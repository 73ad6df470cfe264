/**
 * known_hosts, read the way OpenSSH reads it: plain and hashed (`|1|salt|hash`)
 * host fields, `[host]:port`, comma lists with wildcards and negation,
 * comments, `@revoked`; `@cert-authority` lines are skipped (ssh2 cannot
 * check host certificates). Every matching line counts, not only the first.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { hostToken, matchPatternList } from './host-pattern.js';

export interface KnownHostLine {
  readonly file: string;
  /** 1-based, as editors and `ssh-keygen -R` messages count. */
  readonly line: number;
  readonly marker: 'revoked' | 'cert-authority' | undefined;
  readonly hosts: string;
  readonly keyType: string;
  readonly key: Buffer;
}

export type HostKeyVerdict =
  | { readonly status: 'known'; readonly entry: KnownHostLine }
  | { readonly status: 'revoked'; readonly entry: KnownHostLine }
  /** The host is recorded with another key of the same type: refuse, never ask. */
  | { readonly status: 'changed'; readonly entry: KnownHostLine }
  /** Not recorded; `otherTypes` lists key types recorded for it, if any. */
  | { readonly status: 'unknown'; readonly otherTypes: readonly string[] };

export function parseKnownHosts(text: string, file: string): KnownHostLine[] {
  const entries: KnownHostLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (
      fields[0] === undefined ||
      fields[0] === '' ||
      fields[0].startsWith('#')
    )
      return;
    let marker: KnownHostLine['marker'];
    if (fields[0].startsWith('@')) {
      const name = fields.shift();
      if (name === '@revoked') marker = 'revoked';
      else if (name === '@cert-authority') marker = 'cert-authority';
      else return;
    }
    const [hosts, keyType, base64] = fields;
    if (hosts === undefined || keyType === undefined || base64 === undefined)
      return;
    const key = Buffer.from(base64, 'base64');
    if (key.length === 0) return;
    entries.push({ file, line: index + 1, marker, hosts, keyType, key });
  });
  return entries;
}

/** Does the host field of a line name `token` (`host` or `[host]:port`)? */
export function hostFieldMatches(field: string, token: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (salt === undefined || hash === undefined) return false;
    const expected = Buffer.from(hash, 'base64');
    const actual = createHmac('sha1', Buffer.from(salt, 'base64'))
      .update(token)
      .digest();
    return (
      expected.length === actual.length && timingSafeEqual(expected, actual)
    );
  }
  return matchPatternList(token, field.split(','));
}

/** The key type named inside an SSH public key blob (`ssh-ed25519`, ...). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return '';
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('latin1');
}

export function readKnownHosts(files: readonly string[]): KnownHostLine[] {
  return files.flatMap((file) =>
    existsSync(file) ? parseKnownHosts(readFileSync(file, 'utf8'), file) : [],
  );
}

/** OpenSSH's verdict for `key` presented by `host:port`. */
export function checkHostKey(
  entries: readonly KnownHostLine[],
  host: string,
  port: number,
  key: Buffer,
): HostKeyVerdict {
  const token = hostToken(host, port);
  const type = keyTypeOf(key);
  const matching = entries.filter(
    (entry) =>
      entry.marker !== 'cert-authority' && hostFieldMatches(entry.hosts, token),
  );
  const revoked = matching.find(
    (entry) => entry.marker === 'revoked' && entry.key.equals(key),
  );
  if (revoked) return { status: 'revoked', entry: revoked };
  const plain = matching.filter((entry) => entry.marker === undefined);
  const same = plain.find((entry) => entry.key.equals(key));
  if (same) return { status: 'known', entry: same };
  const changed = plain.find((entry) => entry.keyType === type);
  if (changed) return { status: 'changed', entry: changed };
  return {
    status: 'unknown',
    otherTypes: [...new Set(plain.map((entry) => entry.keyType))],
  };
}

/** Key types recorded for a host, to ask the server for those first. */
export function knownKeyTypes(
  entries: readonly KnownHostLine[],
  host: string,
  port: number,
): string[] {
  const token = hostToken(host, port);
  return [
    ...new Set(
      entries
        .filter(
          (entry) =>
            entry.marker === undefined && hostFieldMatches(entry.hosts, token),
        )
        .map((entry) => entry.keyType),
    ),
  ];
}

/** `|1|salt|hash` for a host token, as `ssh-keygen -H` writes it. */
export function hashHostToken(token: string, salt = randomBytes(20)): string {
  const hash = createHmac('sha1', salt).update(token).digest('base64');
  return `|1|${salt.toString('base64')}|${hash}`;
}

/** Appends a trusted key; the file is created 0600 like OpenSSH's. */
export function appendKnownHost(
  file: string,
  host: string,
  port: number,
  key: Buffer,
  options: { hashed: boolean },
): string {
  const token = hostToken(host, port);
  const field = options.hashed ? hashHostToken(token) : token;
  const line = `${field} ${keyTypeOf(key)} ${key.toString('base64')}\n`;
  // A file that does not end in a newline would glue our line to its last one.
  const needsNewline =
    existsSync(file) &&
    statSync(file).size > 0 &&
    !readFileSync(file, 'utf8').endsWith('\n');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, (needsNewline ? '\n' : '') + line, { mode: 0o600 });
  return line.trimEnd();
}
