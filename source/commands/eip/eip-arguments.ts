/** Checks of the eip subcommands' arguments, each naming what it checks. */
import { UsageError } from '../command-io.js';
import type { CheckSpec } from '../../failover/health-check.js';

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ALLOCATION = /^eipalloc-([0-9a-f]{8}|[0-9a-f]{17})$/;

export function checkEipArgument(value: string | undefined): string {
  const eip = value?.trim() ?? '';
  if (IPV4.test(eip) || ALLOCATION.test(eip)) return eip;
  throw new UsageError(
    `EIP: "${eip}" is neither a public IPv4 address nor an allocation ID (eipalloc-...)`,
  );
}

export function checkInstanceArgument(
  value: string | undefined,
  flag: string,
): string {
  const ref = value?.trim() ?? '';
  if (ref === '')
    throw new UsageError(`${flag}: give an instance ID (i-...) or Name`);
  if (ref.startsWith('i-') && !/^i-([0-9a-f]{8}|[0-9a-f]{17})$/.test(ref))
    throw new UsageError(
      `${flag}: "${ref}" is not an instance ID (i- and 8 or 17 hex digits)`,
    );
  return ref;
}

/** `--check tcp:443` or `--check http:80/health` (status 200 unless `=STATUS` follows). */
export function parseCheckFlag(value: string): CheckSpec {
  const tcp = /^tcp:(\d{1,5})$/.exec(value);
  const http = /^http:(\d{1,5})(\/[^\s=]*)?(?:=(\d{3}))?$/.exec(value);
  const port = Number(tcp?.[1] ?? http?.[1] ?? 0);
  if ((!tcp && !http) || port < 1 || port > 65535)
    throw new UsageError(
      `--check: "${value}" is not tcp:PORT or http:PORT[/path][=STATUS], e.g. http:80/health=200`,
    );
  if (tcp) return { kind: 'tcp', port };
  return {
    kind: 'http',
    port,
    path: http?.[2] ?? '/',
    status: Number(http?.[3] ?? 200),
  };
}

export function parseSeconds(value: string, flag: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600)
    throw new UsageError(
      `${flag}: "${value}" is not a number of seconds (0-3600)`,
    );
  return seconds;
}
