/**
 * ssh2's hostVerifier for one hop: a known key passes, a changed or revoked
 * key is refused with the file and line (never asked), and an unknown key is
 * shown to the person by its SHA256 fingerprint; a trusted key is appended to
 * known_hosts, hashed when HashKnownHosts says so.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../lib/errors.js';
import {
  appendKnownHost,
  checkHostKey,
  keyTypeOf,
  knownKeyTypes,
  readKnownHosts,
} from './known-hosts.js';
import { hostToken } from './host-pattern.js';
import type { SshHop, SshPrompts } from './ssh-types.js';

class HostKeyError extends UserError {
  override readonly name = 'HostKeyError';
}

export function fingerprintSha256(key: Buffer): string {
  const digest = createHash('sha256').update(key).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** Ask for the key types known_hosts holds first, as OpenSSH does, so a known host never looks unknown. */
export function hostKeyAlgorithms(hop: SshHop): string[] {
  const known = knownKeyTypes(
    readKnownHosts([...hop.knownHostsFiles, ...hop.globalKnownHostsFiles]),
    hop.host,
    hop.port,
  );
  const first = HOST_KEY_ALGORITHMS.filter((algorithm) =>
    known.some((type) =>
      type === 'ssh-rsa' ? algorithm.includes('rsa') : type === algorithm,
    ),
  );
  return [
    ...first,
    ...HOST_KEY_ALGORITHMS.filter((name) => !first.includes(name)),
  ];
}

export interface HostVerification {
  readonly verify: (key: Buffer, done: (valid: boolean) => void) => void;
  /** Why the key was refused, once it was. */
  readonly refusal: () => HostKeyError | undefined;
}

export function createHostVerifier(
  hop: SshHop,
  prompts: Pick<SshPrompts, 'confirmHostKey'>,
): HostVerification {
  let refusal: HostKeyError | undefined;
  const name = hostToken(hop.host, hop.port);
  const refuse = (error: HostKeyError, done: (valid: boolean) => void) => {
    refusal = error;
    done(false);
  };
  return {
    refusal: () => refusal,
    verify(key, done) {
      const files = [...hop.knownHostsFiles, ...hop.globalKnownHostsFiles];
      const verdict = checkHostKey(
        readKnownHosts(files),
        hop.host,
        hop.port,
        key,
      );
      const fingerprint = fingerprintSha256(key);
      const keyType = keyTypeOf(key);
      switch (verdict.status) {
        case 'known':
          return done(true);
        case 'revoked':
          return refuse(
            new HostKeyError(
              `REVOKED HOST KEY for ${name}: ${keyType} ${fingerprint} is marked @revoked in ${verdict.entry.file} line ${verdict.entry.line}; opsdeck refused to connect`,
              { hint: 'the server must get a new host key' },
            ),
            done,
          );
        case 'changed':
          return refuse(
            new HostKeyError(
              `HOST KEY CHANGED for ${name}: the server sent ${keyType} ${fingerprint}, but ${verdict.entry.file} line ${verdict.entry.line} holds a different key. Someone may be intercepting the connection (man in the middle), or the host key was replaced. opsdeck refused to connect.`,
              {
                hint: `if the change is expected, check the new fingerprint with the server's owner, then remove the old key: ssh-keygen -R '${name}' -f ${verdict.entry.file}`,
              },
            ),
            done,
          );
        case 'unknown':
          break;
      }
      prompts
        .confirmHostKey({
          host: hop.host,
          port: hop.port,
          keyType,
          fingerprintSha256: fingerprint,
          otherTypes: verdict.otherTypes,
        })
        .then((trusted) => {
          if (!trusted)
            return refuse(
              new HostKeyError(
                `host key of ${name} (${keyType} ${fingerprint}) was not trusted; not connected`,
              ),
              done,
            );
          const file = hop.knownHostsFiles[0];
          if (file !== undefined)
            appendKnownHost(file, hop.host, hop.port, key, {
              hashed: hop.hashKnownHosts,
            });
          done(true);
        })
        .catch((error: unknown) =>
          refuse(
            new HostKeyError(`could not record the host key of ${name}`, {
              cause: error,
              hint: `check that ${hop.knownHostsFiles[0] ?? 'known_hosts'} is writable`,
            }),
            done,
          ),
        );
    },
  };
}
