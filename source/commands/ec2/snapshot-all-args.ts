/** The flags of `opsdeck ec2 snapshot-all`, checked into a request; bad input is a UsageError naming the flag. */
import type { SnapshotAllRequest } from '../../aws/ec2/snapshot-all/snapshot-all.js';
import { UsageError } from '../command-io.js';

export interface SnapshotAllFlags {
  readonly self?: boolean;
  readonly tag?: string;
  readonly excludeBoot?: boolean;
  readonly excludeDevice?: readonly string[];
  readonly keep?: string;
  readonly keepDays?: string;
  readonly dryRun?: boolean;
  readonly wait?: boolean;
  readonly json?: boolean;
  readonly freeze?: readonly string[];
  readonly freezeLimit?: string;
  readonly mysql?: string;
}

export interface CheckedFlags {
  /** The request, with the instance left for --self to fill in. */
  readonly request: (instanceId?: string) => SnapshotAllRequest;
  readonly self: boolean;
  readonly dryRun: boolean;
  readonly freeze: readonly string[];
  readonly freezeLimitMs: number;
  readonly mysql: string | undefined;
}

function wholeNumber(flag: string, value: string | undefined, min: number) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min)
    throw new UsageError(
      `${flag} takes a whole number of at least ${String(min)}, not "${value}"`,
    );
  return number;
}

export function checkFlags(
  instance: string | undefined,
  flags: SnapshotAllFlags,
): CheckedFlags {
  const chosen = [
    instance === undefined ? '' : 'INSTANCE',
    flags.self === true ? '--self' : '',
    flags.tag === undefined ? '' : '--tag',
  ].filter((one) => one !== '');
  if (chosen.length !== 1)
    throw new UsageError(
      chosen.length === 0
        ? 'say which instances: INSTANCE (ID or Name), --self or --tag key=value'
        : `give only one of INSTANCE, --self and --tag (got ${chosen.join(', ')})`,
    );
  let tag: { key: string; value: string } | undefined;
  if (flags.tag !== undefined) {
    const at = flags.tag.indexOf('=');
    if (at < 1)
      throw new UsageError(`--tag takes key=value, not "${flags.tag}"`);
    tag = { key: flags.tag.slice(0, at), value: flags.tag.slice(at + 1) };
  }
  for (const device of flags.excludeDevice ?? [])
    if (!/^\/dev\/[a-z0-9]+$/.test(device))
      throw new UsageError(
        `--exclude-device takes a device name like /dev/sdf, not "${device}"`,
      );
  const keep = wholeNumber('--keep', flags.keep, 1);
  const keepDays = wholeNumber('--keep-days', flags.keepDays, 1);
  const freeze = flags.freeze ?? [];
  for (const mount of freeze)
    if (!mount.startsWith('/'))
      throw new UsageError(
        `--freeze takes an absolute mount point like /var/lib/mysql, not "${mount}"`,
      );
  const limitSeconds = wholeNumber('--freeze-limit', flags.freezeLimit, 1);
  if ((freeze.length > 0 || flags.mysql !== undefined) && flags.self !== true)
    throw new UsageError(
      `${freeze.length > 0 ? '--freeze' : '--mysql'} works only with --self: the file system or server must be on the instance this runs on`,
    );
  const self = flags.self === true;
  return {
    self,
    dryRun: flags.dryRun === true,
    freeze,
    freezeLimitMs: (limitSeconds ?? 30) * 1000,
    mysql: flags.mysql,
    request: (instanceId) => ({
      selector:
        tag !== undefined
          ? { tag }
          : instanceId !== undefined
            ? { instanceId }
            : { instance: instance ?? '' },
      excludeBoot: flags.excludeBoot === true,
      excludeDevices: flags.excludeDevice ?? [],
      retention: { keep, keepDays },
      dryRun: flags.dryRun === true,
      wait: flags.wait === true,
    }),
  };
}
