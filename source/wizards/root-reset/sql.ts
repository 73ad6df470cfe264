/**
 * The statements that set the new password, per server. MariaDB gets the
 * native hash, so no plaintext reaches the general or binary log; unix_socket
 * is kept on an account that had it. MySQL gets the plaintext, which it
 * rewrites in its logs, and has no OR between plugins.
 */
import { UserError } from '../../lib/errors.js';
import { quoteAccount, quoteString } from '../../mysql/sql-quote.js';
import { MASK, nativePasswordHash } from './secrets.js';
import type { Detection, Method, ResetOptions } from './types.js';

/** Backslashes escape: the statements clear NO_BACKSLASH_ESCAPES first. */
const ESCAPES = { noBackslashEscapes: false };
const quote = (text: string) => quoteString(text, ESCAPES);

function versionAtLeast(
  version: string,
  major: number,
  minor: number,
): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** `'user'@'host'` */
function accountName(options: ResetOptions): string {
  return quoteAccount(options, ESCAPES);
}

function mariadbStatements(
  detection: Detection,
  options: ResetOptions,
  secret: string,
): string[] {
  if (!versionAtLeast(detection.version, 10, 2))
    throw new UserError(
      `MariaDB ${detection.version} is too old for this wizard`,
      {
        hint: 'it needs 10.2 or later (ALTER USER)',
      },
    );
  const account = accountName(options);
  const plain = `ALTER USER ${account} IDENTIFIED BY PASSWORD '${secret}'`;
  const isRoot = options.user === 'root' && options.host === 'localhost';
  const lines: string[] = [];
  if (options.keepSocketLogin && versionAtLeast(detection.version, 10, 4)) {
    const withSocket = `ALTER USER ${account} IDENTIFIED VIA unix_socket OR mysql_native_password USING '${secret}'`;
    const where = `FROM mysql.global_priv WHERE User = ${quote(options.user)} AND Host = ${quote(options.host)}`;
    // A root that is missing gets MariaDB's default: socket and password.
    const missing = isRoot ? ` + (SELECT COUNT(*) = 0 ${where})` : '';
    lines.push(
      `SET @opsdeck_socket = (SELECT COUNT(*) ${where} AND Priv LIKE '%unix_socket%')${missing};`,
    );
    if (isRoot)
      lines.push(
        `CREATE USER IF NOT EXISTS ${account} IDENTIFIED VIA unix_socket OR mysql_native_password USING '${secret}';`,
      );
    lines.push(
      `EXECUTE IMMEDIATE IF(@opsdeck_socket > 0, ${quote(withSocket)}, ${quote(plain)});`,
    );
  } else {
    if (isRoot)
      lines.push(
        `CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY PASSWORD '${secret}';`,
      );
    lines.push(`${plain};`);
  }
  return lines;
}

function mysqlStatements(options: ResetOptions, secret: string): string[] {
  const account = accountName(options);
  const isRoot = options.user === 'root' && options.host === 'localhost';
  return [
    ...(isRoot
      ? [`CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY ${secret};`]
      : []),
    `ALTER USER ${account} IDENTIFIED BY ${secret};`,
  ];
}

/**
 * The SQL text for a method; with `password` undefined the secret is masked
 * (for the plan on screen).
 */
export function resetSql(
  detection: Detection,
  options: ResetOptions,
  method: Method,
  password: string | undefined,
): string {
  const mariadb = detection.flavour === 'mariadb';
  const secret =
    password === undefined
      ? mariadb
        ? MASK
        : `'${MASK}'`
      : mariadb
        ? nativePasswordHash(password)
        : quote(password);
  const isRoot = options.user === 'root' && options.host === 'localhost';
  // An expired temporary password allows ALTER USER and nothing else.
  if (method === 'session' && detection.access?.kind === 'temporary-password')
    return `ALTER USER ${accountName(options)} IDENTIFIED BY ${secret};\n`;
  const lines = [
    'SET NAMES utf8mb4;',
    // Quoted names (and MySQL's plaintext) escape backslashes: make them escapes.
    "SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');",
    // Keeps the statement out of the binary log, so it never replicates.
    'SET sql_log_bin = 0;',
    ...(method === 'skip-grant-tables' ? ['FLUSH PRIVILEGES;'] : []),
    ...(mariadb
      ? mariadbStatements(detection, options, secret)
      : mysqlStatements(options, secret)),
    ...(isRoot
      ? [
          `GRANT ALL PRIVILEGES ON *.* TO ${accountName(options)} WITH GRANT OPTION;`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
