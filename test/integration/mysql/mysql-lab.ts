/** A MySQL session to the lab's MariaDB through the lab's sshd, for the MySQL tests. */
import {
  createEventLog,
  type EventLog,
} from '../../../source/events/event-log.js';
import {
  createMysqlSession,
  type MysqlSession,
} from '../../../source/mysql/mysql-session.js';
import type { MysqlEndpoint } from '../../../source/mysql/mysql-values.js';
import {
  createWriteGuard,
  type WriteGuard,
} from '../../../source/safety/read-only.js';
import {
  createSshSession,
  type SshSession,
} from '../../../source/ssh/ssh-session.js';
import type { SshTarget } from '../../../source/ssh/ssh-types.js';
import {
  labKnownHosts,
  labTarget,
  mariadb,
  recordingPrompts,
  tempHome,
} from '../ssh/ssh-lab.js';

export interface LabMysql {
  readonly ssh: SshSession;
  readonly session: MysqlSession;
  readonly events: EventLog;
  /** Every prompt the session asked. */
  readonly asked: string[];
  readonly close: () => Promise<void>;
}

export function labEndpoint(): MysqlEndpoint {
  return { kind: 'tcp', host: '127.0.0.1', port: mariadb.info?.port ?? 3306 };
}

export function openLabMysql(
  options: {
    readOnly?: boolean;
    /** Instead of readOnly: a guard the test changes as it goes. */
    guard?: WriteGuard;
    events?: EventLog;
    user?: string;
    password?: string;
    endpoint?: MysqlEndpoint;
    ssh?: { target?: SshTarget; knownHosts?: string };
  } = {},
): LabMysql {
  const { environment } = tempHome({
    knownHosts: options.ssh?.knownHosts ?? labKnownHosts(),
  });
  const recording = recordingPrompts();
  const ssh = createSshSession({
    target: options.ssh?.target ?? labTarget(),
    prompts: recording.prompts,
    environment,
  });
  const events = options.events ?? createEventLog();
  const asked: string[] = [];
  const session = createMysqlSession({
    ssh,
    target: {
      endpoint: options.endpoint ?? labEndpoint(),
      user: options.user ?? 'root',
    },
    ask: (prompt) => {
      asked.push(prompt);
      return Promise.resolve(options.password ?? mariadb.info?.rootPassword);
    },
    guard:
      options.guard ??
      createWriteGuard(options.readOnly ?? false, 'test profile is read-only'),
    events,
  });
  return {
    ssh,
    session,
    events,
    asked,
    close: async () => {
      await session.close();
      await ssh.close();
    },
  };
}

/** A unique suffix so reruns and parallel files never collide. */
export const marker = () =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
