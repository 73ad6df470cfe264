/**
 * Command lines for mariadb-dump/mysqldump and mariadb/mysql on the SSH host.
 *
 * Credentials never appear in argv, the environment or a file: the command
 * reads them as the first lines of its stdin (bash `read` takes one byte at a
 * time from a pipe, so the rest of stdin is left for the data), then hands
 * them to the tool as `--defaults-extra-file=<(printf ...)`: printf is a
 * bash builtin (no process, no argv) writing into a pipe that only the
 * login user (and root) can open through /proc. MYSQL_PWD would be visible in
 * /proc/PID/environ of the tool, and a temp file would exist on disk.
 */
import { UserError } from '../../lib/errors.js';
import { shellQuote } from '../../ssh/shell-quote.js';
import type { MysqlEndpoint } from '../mysql-values.js';

export { shellQuote };

/** A value for a MySQL option file: quoted, with backslash escapes. */
export function optionValue(value: string): string {
  if (/[\r\n\0]/.test(value))
    throw new UserError(
      'a MySQL user or password with a line break cannot be passed to the dump tools',
      {
        hint: 'change the password, or dump from the query console of another client',
      },
    );
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** The first stdin lines the remote command reads. */
export function credentialLines(
  user: string,
  password: string | undefined,
): string {
  return `${optionValue(user)}\n${password === undefined ? '' : optionValue(password)}\n`;
}

function endpointArgs(endpoint: MysqlEndpoint): string {
  return endpoint.kind === 'socket'
    ? `--protocol=SOCKET --socket=${shellQuote(endpoint.path)}`
    : `--protocol=TCP --host=${shellQuote(endpoint.host)} --port=${endpoint.port}`;
}

const READ_CREDENTIALS = [
  'set -o pipefail',
  'IFS= read -r u || exit 90',
  'IFS= read -r p || exit 90',
  // The option file lives only in a pipe; an empty password line means none.
  `creds() { printf '[client]\\nuser=%s\\n' "$u"; [ -n "$p" ] && printf 'password=%s\\n' "$p"; }`,
];

function find(names: readonly string[], what: string): string {
  const lookups = names.map((name) => `command -v ${name}`).join(' || ');
  return `tool=$(${lookups}) || { echo "opsdeck: ${what} found on this host" >&2; exit 127; }; echo "opsdeck-tool: $tool" >&2`;
}

/** Wraps a bash script so it runs under bash whatever the login shell is. */
function underBash(lines: readonly string[]): string {
  return `exec bash -c ${shellQuote(lines.join('\n'))} opsdeck`;
}

export function dumpCommand(endpoint: MysqlEndpoint, database: string): string {
  return underBash([
    ...READ_CREDENTIALS,
    find(['mariadb-dump', 'mysqldump'], 'neither mariadb-dump nor mysqldump'),
    `exec "$tool" --defaults-extra-file=<(creds) ${endpointArgs(endpoint)} --single-transaction --routines --events --triggers --hex-blob --default-character-set=utf8mb4 -- ${shellQuote(database)}`,
  ]);
}

export function restoreCommand(
  endpoint: MysqlEndpoint,
  database: string,
  compressed: boolean,
): string {
  return underBash([
    ...READ_CREDENTIALS,
    find(['mariadb', 'mysql'], 'neither the mariadb nor the mysql client'),
    // MySQL's client and old MariaDB ones stop at the sandbox line newer MariaDB dumps start with.
    'if "$tool" --version | grep -q MariaDB; then filter() { cat; }; else filter() { sed \'1{/^\\/\\*M\\{0,1\\}!999999\\\\-/d;}\'; }; fi',
    `${compressed ? 'gzip -dc' : 'cat'} | filter | "$tool" --defaults-extra-file=<(creds) ${endpointArgs(endpoint)} --default-character-set=utf8mb4 --database=${shellQuote(database)}`,
  ]);
}

/** The tool line the commands print first on stderr, and the rest. */
export function splitToolLine(stderr: string): {
  tool: string | undefined;
  rest: string;
} {
  const match = /^opsdeck-tool: (.*)\n?/m.exec(stderr);
  return {
    tool: match?.[1],
    rest: stderr.replace(/^opsdeck-tool: .*\n?/m, ''),
  };
}

/** A failed tool run as a message: the tool's own last lines say what went wrong. */
export function toolError(
  action: string,
  code: number | null,
  stderr: string,
): UserError {
  const { rest } = splitToolLine(stderr);
  const lines = rest.trim().split('\n').filter(Boolean).slice(-3).join(' / ');
  if (code === 127 && /opsdeck: /.test(rest))
    return new UserError(lines.replace(/^opsdeck: /, ''), {
      hint: 'install mariadb-client or mysql-client on the SSH host',
    });
  if (/ERROR 1227/.test(lines))
    return new UserError(`${action} failed: ${lines}`, {
      hint: 'the dump holds views, triggers or routines with another DEFINER; restore as an administrator',
    });
  if (/Access denied/i.test(lines))
    return new UserError(`${action} failed: ${lines}`, {
      hint: 'the MySQL user needs SELECT, SHOW VIEW, TRIGGER, EVENT and LOCK TABLES for a dump',
    });
  return new UserError(
    `${action} failed (exit ${code ?? 'signal'}): ${lines || 'no message'}`,
  );
}
