/** The SSH session's shape, apart from its implementation. */
import type { ClientChannel } from 'ssh2';
import type { UserError } from '../lib/errors.js';
import type {
  ExecOptions,
  ExecResult,
  SshEnvironment,
  SshPrompts,
  SshState,
  SshTarget,
} from './ssh-types.js';

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
