import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { describeError } from '../../source/lib/errors.js';
import type {
  MysqlState,
  ServerIdentity,
} from '../../source/mysql/mysql-values.js';
import type { MysqlConnectionProfile } from '../../source/config/mysql-profile-schema.js';
import {
  hostKeyRequest,
  secretForm,
} from '../../source/panes/mysql/mysql-dialogs.js';
import type { MysqlConnection } from '../../source/session/mysql-connections.js';
import { failureOf } from '../../source/panes/mysql/mysql-views.js';
import { useShellApi } from '../context/shell-context.js';

export interface MysqlConnectionControl {
  readonly connection: MysqlConnection | undefined;
  /** The worse of the SSH and MySQL states: a dropped tunnel reads "disconnected". */
  readonly state: MysqlState;
  /** Why the connection never came up, when state is "failed". */
  readonly failure: string | undefined;
  readonly identity: ServerIdentity | undefined;
  /** "root at 127.0.0.1:3306 via db1": the MySQL session's name. */
  readonly sessionName: string | undefined;
  readonly connect: (
    name: string,
    profile: MysqlConnectionProfile,
  ) => Promise<boolean>;
  readonly close: (name: string) => Promise<void>;
}

const IDLE = () => 'idle' as MysqlState;
const NONE = () => () => undefined;

/**
 * The pane's MySQL connection, from the run-wide registry (it survives AWS
 * switches and remounts). While mounted, this pane answers the password and
 * host-key questions with its dialogs.
 */
export function useMysqlConnection(): MysqlConnectionControl {
  const shell = useShellApi();
  const registry = shell.session.services.mysql;
  const [connection, setConnection] = useState(() => registry.current());
  const { ask, confirm, report } = shell;

  useEffect(
    () =>
      registry.setPrompts({
        ask: async (prompt, options) =>
          (await ask(secretForm(prompt, options.secret)))?.['value'],
        confirmHostKey: async (question) =>
          (await confirm(hostKeyRequest(question))).confirmed,
      }),
    [registry, ask, confirm],
  );

  const services = connection?.services;
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!services) return () => undefined;
      const stopSsh = services.ssh.subscribe(listener);
      const stopMysql = services.session.subscribe(listener);
      return () => (stopSsh(), stopMysql());
    },
    [services],
  );
  const state = useSyncExternalStore(
    services ? subscribe : NONE,
    services
      ? () =>
          services.ssh.state() === 'disconnected'
            ? 'disconnected'
            : services.session.state()
      : IDLE,
  );
  const identity = services?.session.identity();
  const failure =
    state === 'failed' ? failureOf(services?.session.lastError()) : undefined;

  const connect = useCallback(
    async (name: string, profile: MysqlConnectionProfile) => {
      try {
        const next = await registry.open(name, profile, {
          readOnly: shell.session.guard.readOnly,
          readOnlyReason: shell.session.guard.reason,
        });
        setConnection(next);
        await next.services.session.connect();
        report('info', 'mysql', `connected: ${next.services.session.name}`);
        return true;
      } catch (error) {
        report('error', 'mysql', `${name}: ${describeError(error)}`);
        return false;
      }
    },
    [registry, shell.session.guard, report],
  );
  const close = useCallback(
    async (name: string) => {
      await registry.close(name);
      setConnection(registry.current());
      report('info', 'mysql', `${name}: closed`);
    },
    [registry, report],
  );
  return {
    connection,
    state,
    failure,
    identity,
    sessionName: services?.session.name,
    connect,
    close,
  };
}
