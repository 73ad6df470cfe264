/** One ssh2 client connection to one hop, verified and authenticated. */
import { Client } from 'ssh2';
import type { Duplex } from 'node:stream';
import { createHostVerifier, hostKeyAlgorithms } from './host-verifier.js';
import { planAuth, type KeyCache } from './ssh-auth.js';
import { abortError, sshConnectError } from './ssh-errors.js';
import type { SshHop, SshPrompts } from './ssh-types.js';

export interface HopOptions {
  readonly prompts: SshPrompts;
  readonly keys: KeyCache;
  /** A channel of the previous hop (jump host), instead of a TCP socket. */
  readonly sock?: Duplex | undefined;
  readonly keepaliveMs?: number;
  readonly keepaliveCountMax?: number;
  readonly readyTimeoutMs?: number;
  readonly signal?: AbortSignal | undefined;
}

export function hopName(hop: SshHop): string {
  const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
  return `${hop.user}@${host}${hop.port === 22 ? '' : `:${hop.port}`}`;
}

export function connectHop(hop: SshHop, options: HopOptions): Promise<Client> {
  const client = new Client();
  const verification = createHostVerifier(hop, options.prompts);
  const auth = planAuth(hop, options.prompts, options.keys);
  return new Promise<Client>((resolve, reject) => {
    const onAbort = () => {
      client.end();
      reject(abortError(options.signal));
    };
    const settle = () => options.signal?.removeEventListener('abort', onAbort);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    client.once('ready', () => {
      settle();
      client.removeListener('error', onError);
      // Errors after ready surface through 'close' and the session's state.
      client.on('error', () => undefined);
      resolve(client);
    });
    const onError = (error: Error) => {
      settle();
      client.end();
      reject(
        verification.refusal() ??
          auth.failure() ??
          sshConnectError(error, hopName(hop), auth.tried()),
      );
    };
    client.on('error', onError);
    client.connect({
      host: hop.host,
      port: hop.port,
      username: hop.user,
      sock: options.sock,
      authHandler: auth.handler,
      hostVerifier: (key: Buffer, done: (valid: boolean) => void) =>
        verification.verify(key, done),
      algorithms: { serverHostKey: hostKeyAlgorithms(hop) as never },
      keepaliveInterval: options.keepaliveMs ?? 15_000,
      keepaliveCountMax: options.keepaliveCountMax ?? 3,
      readyTimeout: options.readyTimeoutMs ?? 20_000,
    });
  });
}
