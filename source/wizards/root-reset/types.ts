/** The root-password reset wizard's data: what was found, what will run, what happened. */

export type Flavour = 'mariadb' | 'mysql';

/** How the server is stopped and started on its host. */
export type Manager =
  | {
      readonly kind: 'systemd';
      readonly unit: string;
      readonly optsInExecStart: boolean;
    }
  | { readonly kind: 'sysv'; readonly script: string }
  | { readonly kind: 'custom'; readonly stop: string; readonly start: string };

/** A way in that needs no restart, found by a read-only login probe. */
export type Access =
  | { readonly kind: 'socket-root' }
  | {
      readonly kind: 'maintenance-file';
      readonly path: string;
      readonly user: string;
    }
  | { readonly kind: 'temporary-password'; readonly log: string };

export interface Detection {
  readonly host: string;
  readonly osUser: string;
  /** sudo is used (the SSH user is not root). */
  readonly viaSudo: boolean;
  readonly flavour: Flavour;
  /** e.g. 10.11.19 */
  readonly version: string;
  readonly versionLine: string;
  readonly serverBinary: string;
  /** mariadb or mysql command-line client on the host. */
  readonly client: string;
  readonly pid: number;
  readonly running: boolean;
  readonly serverUser: string;
  readonly socket: string;
  readonly port: number | undefined;
  readonly datadir: string;
  readonly pidFile: string;
  /** The server's error log, when it writes one (else syslog/journal). */
  readonly errorLog: string | undefined;
  /** Where the init file goes: the directory of the pid file or socket. */
  readonly runtimeDir: string;
  readonly manager: Manager;
  readonly apparmor: string | undefined;
  readonly selinux: string | undefined;
  readonly binaryLog: boolean | undefined;
  readonly galera: boolean;
  readonly access: Access | undefined;
  /** A reset that is still running, or the result of one the wizard has not read. */
  readonly leftover: string | undefined;
  /** Things the user should know before going on (not blocking). */
  readonly notes: readonly string[];
}

export type Method = 'session' | 'init-file' | 'skip-grant-tables';

export interface ResetOptions {
  readonly user: string;
  readonly host: string;
  /** MariaDB: keep unix_socket on the account when it had it. */
  readonly keepSocketLogin: boolean;
  readonly method: Method;
  /** Tests only: makes the script fail at this step, to prove the restore. */
  readonly faultAt?: StepId | undefined;
  /** Seconds to wait for the server to stop or answer. */
  readonly waitSeconds?: number | undefined;
}

export type StepId =
  | 'check'
  | 'change-in-session'
  | 'write-init-file'
  | 'stop-server'
  | 'start-with-init-file'
  | 'start-without-grants'
  | 'change-without-grants'
  | 'confirm-login'
  | 'remove-init-file'
  | 'restart-normally'
  | 'check-normal';

export interface PlanStep {
  readonly id: StepId;
  readonly title: string;
  /** The remote commands, passwords masked. */
  readonly commands: readonly string[];
}

export interface Plan {
  readonly detection: Detection;
  readonly options: ResetOptions;
  readonly steps: readonly PlanStep[];
  /** Warnings shown above the steps. */
  readonly warnings: readonly string[];
}

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** What the remote script reports, line by line. */
export type RunEvent =
  | { readonly kind: 'started'; readonly work: string }
  | {
      readonly kind: 'step';
      readonly id: StepId;
      readonly status: StepStatus;
      readonly detail?: string;
    }
  | { readonly kind: 'output'; readonly line: string }
  | { readonly kind: 'finished'; readonly outcome: RemoteOutcome };

/** How the remote script left the server. */
export interface RemoteOutcome {
  readonly ok: boolean;
  readonly failedStep: StepId | undefined;
  readonly error: string | undefined;
  /** running normally | stopped | unknown */
  readonly serverState: 'running' | 'stopped' | 'unknown';
  /** Which password logs in after the run, as far as the script could tell. */
  readonly password: 'new' | 'old' | 'unknown';
  readonly socketLogin: boolean | undefined;
  readonly leftFiles: readonly string[];
}

export interface ResetResult {
  readonly remote: RemoteOutcome;
  /** The new password through the SSH tunnel, from the wizard's side. */
  readonly tunnelLogin:
    { readonly ok: boolean; readonly message: string } | undefined;
  readonly log: readonly string[];
}
