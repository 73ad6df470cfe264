/**
 * What the SSH layer is given (targets, prompts), what it reports (state),
 * and the session's shape apart from its implementation.
 */
import type { ClientChannel } from 'ssh2';
import type { UserError } from '../lib/errors.js';

/** Where to connect: a ~/.ssh/config alias, a DNS name or an address. */
export interface SshTarget {
  readonly host: string;
  readonly port?: number | undefined;
  readonly user?: string | undefined;
  /** A private key file; otherwise IdentityFile from ssh config, then ~/.ssh/id_*. */
  readonly identityFile?: string | undefined;
  /** ssh-agent: true uses SSH_AUTH_SOCK, a string is the socket, false turns it off. */
  readonly agent?: boolean | string | undefined;
  /** A bastion: `[user@]host[:port]` or alias (comma list for several hops), or a target. */
  readonly jump?: string | SshTarget | undefined;
}

export interface HostKeyQuestion {
  readonly host: string;
  readonly port: number;
  readonly keyType: string;
  /** `SHA256:...` as OpenSSH prints it. */
  readonly fingerprintSha256: string;
  /** Key types already recorded for this host (the server offered another type). */
  readonly otherTypes: readonly string[];
}

/** Questions only a person can answer; the UI implements them. */
export interface SshPrompts {
  /** Resolves undefined when the person cancels. Secrets are kept in memory only. */
  readonly ask: (
    prompt: string,
    options: { secret: boolean },
  ) => Promise<string | undefined>;
  /** An unknown host key: trust it (and save it to known_hosts)? */
  readonly confirmHostKey: (question: HostKeyQuestion) => Promise<boolean>;
}

/** Files and environment, injectable so tests need no real home directory. */
export interface SshEnvironment {
  readonly home: string;
  readonly localUser: string;
  /** SSH_AUTH_SOCK */
  readonly agentSocket: string | undefined;
  /** ssh_config files in order; default ~/.ssh/config then /etc/ssh/ssh_config. */
  readonly configFiles?: readonly { path: string; includeBase: string }[];
  /** Overrides UserKnownHostsFile (the first one is where new keys go). */
  readonly knownHostsFiles?: readonly string[];
}

/** One SSH connection to make, after ssh config was applied. */
export interface SshHop {
  /** What the person called it (alias or host), for messages. */
  readonly label: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly identityFiles: readonly string[];
  readonly agentSocket: string | undefined;
  readonly knownHostsFiles: readonly string[];
  readonly globalKnownHostsFiles: readonly string[];
  readonly hashKnownHosts: boolean;
}

export type SshState =
  | 'idle'
  | 'connecting'
  | 'connected'
  /** The link dropped; the next action reconnects. */
  | 'disconnected'
  /** The first connect failed (a refused host key, a wrong key): never connected. */
  | 'failed'
  | 'closed';

export interface ExecOptions {
  /** Written to the command's stdin, then stdin is closed (e.g. a sudo password line). */
  readonly stdin?: string | Buffer | NodeJS.ReadableStream | undefined;
  readonly onStdout?: ((chunk: Buffer) => void) | undefined;
  readonly onStderr?: ((chunk: Buffer) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Keep at most this many bytes of each output in the result (default 1 MiB). */
  readonly keepBytes?: number | undefined;
}

export interface ExecResult {
  readonly code: number | null;
  readonly signal: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SshSessionOptions {
  readonly target: SshTarget;
  readonly prompts: SshPrompts;
  readonly environment: SshEnvironment;
  readonly keepaliveMs?: number;
  readonly keepaliveCountMax?: number;
}

export interface SshSession {
  /** user@host:port of the target. */
  readonly name: string;
  readonly state: () => SshState;
  /** Why the last connection ended or failed, when it did. */
  readonly lastError: () => UserError | undefined;
  /** Counts connections; a channel from an older one is dead. */
  readonly generation: () => number;
  readonly subscribe: (listener: () => void) => () => void;
  readonly connect: (signal?: AbortSignal) => Promise<void>;
  /** A TCP channel to host:port as seen from the SSH host. */
  readonly forwardOut: (
    host: string,
    port: number,
    signal?: AbortSignal,
  ) => Promise<ClientChannel>;
  /** A channel to a Unix socket on the SSH host (OpenSSH streamlocal). */
  readonly forwardSocket: (
    path: string,
    signal?: AbortSignal,
  ) => Promise<ClientChannel>;
  /** Runs a command without a pty; stdout/stderr stream through the callbacks. */
  readonly exec: (
    command: string,
    options?: ExecOptions,
  ) => Promise<ExecResult>;
  /** A raw exec channel, for streaming work (dump, restore). */
  readonly openExec: (
    command: string,
    signal?: AbortSignal,
  ) => Promise<ClientChannel>;
  readonly close: () => Promise<void>;
}
