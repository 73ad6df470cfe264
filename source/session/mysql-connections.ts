/**
 * The MySQL connections of this run: opened lazily (nothing is dialled until
 * a view asks; the SSH and MySQL modules load on the first open), kept across AWS profile and region switches and pane
 * remounts, closed together on quit. Prompts go to whichever pane is on
 * screen; with none, a question is answered "cancel". Each connection's guard
 * follows the current read-only setting: a switch to a read-only profile makes
 * every open connection read-only at once.
 */
import type { EventLog } from '../events/event-log.js';
import type { MysqlServices } from '../mysql/mysql-services.js';
import type { MysqlConnectionProfile } from '../config/mysql-profile-schema.js';
import type { QueryHistory } from '../mysql/query/query-history.js';
import { createFollowingGuard, type WriteGuard } from '../safety/read-only.js';
import type { SshPrompts } from '../ssh/ssh-types.js';

export interface MysqlConnection {
  /** The profile name, or user@host for a one-off connection. */
  readonly name: string;
  readonly profile: MysqlConnectionProfile;
  readonly services: MysqlServices;
  readonly guard: WriteGuard;
  readonly history: QueryHistory;
}

export interface MysqlConnectionFactory {
  (options: {
    readonly name: string;
    readonly profile: MysqlConnectionProfile;
    readonly prompts: SshPrompts;
    readonly guard: WriteGuard;
    readonly events: EventLog;
    readonly history: QueryHistory;
  }): Promise<MysqlServices>;
}

export interface MysqlConnections {
  /** The open connection of that name, or a new one (not dialled yet). */
  readonly open: (
    name: string,
    profile: MysqlConnectionProfile,
    options: { readOnly: boolean; readOnlyReason: string },
  ) => Promise<MysqlConnection>;
  readonly get: (name: string) => MysqlConnection | undefined;
  /** The last one opened, so the pane comes back where it was. */
  readonly current: () => MysqlConnection | undefined;
  readonly names: () => string[];
  /** The read-only setting now (a session switch); open connections follow it. */
  readonly followReadOnly: (readOnly: boolean, reason: string) => void;
  readonly close: (name: string) => Promise<void>;
  readonly closeAll: () => Promise<void>;
  /** The pane on screen answers the questions; returns a function to stop. */
  readonly setPrompts: (prompts: SshPrompts) => () => void;
}

const CANCEL: SshPrompts = {
  ask: () => Promise.resolve(undefined),
  confirmHostKey: () => Promise.resolve(false),
};

export function createMysqlConnections(deps: {
  readonly events: EventLog;
  readonly create: MysqlConnectionFactory;
  readonly history: (name: string) => QueryHistory;
}): MysqlConnections {
  const open = new Map<string, MysqlConnection>();
  // Two opens of one name at once share the one being built.
  const building = new Map<string, Promise<MysqlConnection>>();
  let last: string | undefined;
  let prompts: SshPrompts = CANCEL;
  let setting = { readOnly: false, reason: '' };
  const delegate: SshPrompts = {
    ask: (prompt, options) => prompts.ask(prompt, options),
    confirmHostKey: (question) => prompts.confirmHostKey(question),
  };
  async function build(
    name: string,
    profile: MysqlConnectionProfile,
  ): Promise<MysqlConnection> {
    const guard = createFollowingGuard(() =>
      setting.readOnly
        ? setting
        : {
            readOnly: profile.readOnly === true,
            reason: `connection ${name} is read-only in config`,
          },
    );
    const history = deps.history(name);
    const connection: MysqlConnection = {
      name,
      profile,
      guard,
      history,
      services: await deps.create({
        name,
        profile,
        prompts: delegate,
        guard,
        events: deps.events,
        history,
      }),
    };
    open.set(name, connection);
    return connection;
  }
  return {
    async open(name, profile, options) {
      last = name;
      setting = { readOnly: options.readOnly, reason: options.readOnlyReason };
      const existing = open.get(name) ?? building.get(name);
      if (existing) return existing;
      const pending = build(name, profile);
      building.set(name, pending);
      try {
        return await pending;
      } finally {
        building.delete(name);
      }
    },

    get: (name) => open.get(name),
    current: () => (last === undefined ? undefined : open.get(last)),
    names: () => [...open.keys()],
    followReadOnly(readOnly, reason) {
      setting = { readOnly, reason };
    },
    async close(name) {
      const connection = open.get(name);
      open.delete(name);
      if (last === name) last = undefined;
      await connection?.services.close();
    },
    async closeAll() {
      const all = [...open.values()];
      open.clear();
      last = undefined;
      await Promise.allSettled(
        all.map((connection) => connection.services.close()),
      );
    },
    setPrompts(next) {
      prompts = next;
      return () => {
        if (prompts === next) prompts = CANCEL;
      };
    },
  };
}
