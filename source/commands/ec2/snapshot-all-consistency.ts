/**
 * What wraps snapshot-all's call on this instance: a read lock on a local
 * MySQL server (outermost, so tables are flushed before the file systems
 * freeze) and fsfreeze on local mounts. Both are refused, with the reason,
 * before anything is created when the mount or the server is not local.
 */
import type { InstanceMetadata } from '../../aws/ec2/instance-metadata.js';
import type { SnapshotAllHooks } from '../../aws/ec2/snapshot-all/snapshot-all.js';
import { withFrozen } from '../../consistency/fs-freeze.js';
import { checkLocalMounts } from '../../consistency/local-mounts.js';
import {
  checkLocalServer,
  describeBinlog,
  withReadLock,
} from '../../consistency/mysql-read-lock.js';
import { createEventLog } from '../../events/event-log.js';
import { mysqlTargetOf, sshTargetOf } from '../../mysql/connection-profile.js';
import { defaultSshEnvironment } from '../../mysql/mysql-services.js';
import { createMysqlSession } from '../../mysql/mysql-session.js';
import { createWriteGuard } from '../../safety/read-only.js';
import type { Start } from '../../session/start.js';
import { createSshSession } from '../../ssh/ssh-session.js';
import { UsageError, type CommandIo } from '../command-io.js';
import { sshPrompts } from '../reset-root/command-input.js';
import type { CheckedFlags } from './snapshot-all-args.js';

export interface Consistency {
  readonly around: SnapshotAllHooks['around'];
  /** Lines for the report: the binary log position. */
  readonly notes: string[];
  readonly close: () => Promise<void>;
}

export async function prepareConsistency(
  flags: CheckedFlags,
  start: Start,
  metadata: InstanceMetadata,
  io: CommandIo,
  env: NodeJS.ProcessEnv,
): Promise<Consistency> {
  const notes: string[] = [];
  if (flags.freeze.length > 0) await checkLocalMounts(flags.freeze);
  const freeze = <T>(call: () => Promise<T>) =>
    flags.freeze.length === 0
      ? call()
      : withFrozen(
          { mounts: flags.freeze, limitMs: flags.freezeLimitMs, env },
          call,
        );
  if (flags.mysql === undefined)
    return {
      around: flags.freeze.length === 0 ? undefined : (_, call) => freeze(call),
      notes,
      close: () => Promise.resolve(),
    };
  const name = flags.mysql;
  const profiles = start.config.config.mysql?.connections ?? {};
  const profile = profiles[name];
  if (profile === undefined)
    throw new UsageError(
      `--mysql: no MySQL connection named "${name}" (known: ${Object.keys(profiles).join(', ') || 'none'})`,
    );
  const own = await Promise.all([
    metadata.readOptional('local-ipv4'),
    metadata.readOptional('public-ipv4'),
  ]);
  checkLocalServer(
    name,
    profile,
    own.filter((one): one is string => one !== undefined),
  );
  // A dry run makes no call to wrap: the checks above are all it needs.
  if (flags.dryRun)
    return { around: undefined, notes, close: () => Promise.resolve() };
  const ssh = createSshSession({
    target: sshTargetOf(profile),
    prompts: sshPrompts(io),
    environment: defaultSshEnvironment(env),
  });
  const session = createMysqlSession({
    ssh,
    target: mysqlTargetOf(profile),
    ask: sshPrompts(io).ask,
    guard: createWriteGuard(
      start.settings.readOnly,
      start.settings.readOnlyReason,
    ),
    events: createEventLog(),
  });
  const close = async () => {
    await session.close();
    await ssh.close();
  };
  try {
    await session.connect();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    around: async (_, call) => {
      const { binlog } = await withReadLock(session, flags.freezeLimitMs, () =>
        freeze(call),
      );
      notes.push(`${name}: ${describeBinlog(binlog)}`);
    },
    notes,
    close,
  };
}
