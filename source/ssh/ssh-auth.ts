/**
 * Public-key authentication in OpenSSH's order: agent keys, then key files.
 * An encrypted key's passphrase is asked through the injected prompt, up to
 * three times; the decrypted key stays in memory for reconnects and the
 * passphrase itself is dropped at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import ssh2, { type AuthenticationType, type ParsedKey } from 'ssh2';
import type { NextAuthHandler } from 'ssh2';
import { UserError } from '../lib/errors.js';

// ssh2 is CommonJS; Node's ESM loader does not see `utils` as a named export.
const { utils } = ssh2;
import type { SshHop, SshPrompts } from './ssh-types.js';

/** Decrypted keys by path, for this session only. */
export type KeyCache = Map<string, ParsedKey>;

type AuthHandler = (
  methodsLeft: AuthenticationType[],
  partialSuccess: boolean,
  next: NextAuthHandler,
) => void;

const PASSPHRASE_ERRORS =
  /no passphrase given|bad passphrase|integrity check failed/i;

async function loadKey(
  path: string,
  ask: SshPrompts['ask'],
  cache: KeyCache,
): Promise<ParsedKey | undefined> {
  const cached = cache.get(path);
  if (cached) return cached;
  if (!existsSync(path)) return undefined;
  const data = readFileSync(path);
  let parsed = utils.parseKey(data);
  for (let attempt = 0; attempt < 3 && parsed instanceof Error; attempt++) {
    if (!PASSPHRASE_ERRORS.test(parsed.message)) break;
    const passphrase = await ask(
      attempt === 0
        ? `Passphrase for ${path}`
        : `Wrong passphrase; passphrase for ${path}`,
      { secret: true },
    );
    if (passphrase === undefined) return undefined;
    parsed = utils.parseKey(data, passphrase);
  }
  if (parsed instanceof Error)
    throw new UserError(`cannot use key ${path}: ${parsed.message}`, {
      hint: PASSPHRASE_ERRORS.test(parsed.message)
        ? 'the passphrase was wrong three times'
        : 'opsdeck reads OpenSSH and PEM keys; convert others with ssh-keygen -p -m OpenSSH',
    });
  const key: ParsedKey | undefined = Array.isArray(parsed)
    ? (parsed as ParsedKey[])[0]
    : parsed;
  if (!key) return undefined;
  cache.set(path, key);
  return key;
}

export interface AuthPlan {
  readonly handler: AuthHandler;
  /** What was tried, for "auth methods tried" in errors. */
  readonly tried: () => readonly string[];
  /** A key-loading failure (bad passphrase three times...). */
  readonly failure: () => UserError | undefined;
}

export function planAuth(
  hop: SshHop,
  prompts: Pick<SshPrompts, 'ask'>,
  cache: KeyCache,
): AuthPlan {
  const queue: (
    { kind: 'agent'; socket: string } | { kind: 'key'; path: string }
  )[] = [];
  if (hop.agentSocket && existsSync(hop.agentSocket))
    queue.push({ kind: 'agent', socket: hop.agentSocket });
  for (const path of hop.identityFiles) queue.push({ kind: 'key', path });
  const tried: string[] = [];
  let failure: UserError | undefined;
  const handler: AuthHandler = (methodsLeft, _partial, next) => {
    const step = (): void => {
      const item = queue.shift();
      // Servers list what they still accept; without publickey no key helps.
      if (!item || (methodsLeft && !methodsLeft.includes('publickey'))) {
        next(false as never);
        return;
      }
      if (item.kind === 'agent') {
        tried.push(`ssh-agent (${item.socket})`);
        next({ type: 'agent', username: hop.user, agent: item.socket });
        return;
      }
      loadKey(item.path, prompts.ask, cache).then(
        (key) => {
          if (!key) return step();
          tried.push(`key ${item.path}`);
          next({ type: 'publickey', username: hop.user, key });
        },
        (error: unknown) => {
          failure = error instanceof UserError ? error : undefined;
          step();
        },
      );
    };
    step();
  };
  return { handler, tried: () => tried, failure: () => failure };
}
