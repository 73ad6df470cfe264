/** The plan the person confirms: every step with its remote commands, secrets masked. */
import { UserError } from '../../lib/errors.js';
import { remoteScript } from './run/remote-script.js';
import { MASK } from './secrets.js';
import { resetSql } from './sql.js';
import type { Detection, Method, Plan, ResetOptions } from './types.js';

/** The least invasive method the detection allows. */
function defaultMethod(detection: Detection): Method {
  return detection.access ? 'session' : 'init-file';
}

export function defaultOptions(detection: Detection): ResetOptions {
  return {
    user: 'root',
    host: 'localhost',
    keepSocketLogin: detection.flavour === 'mariadb',
    method: defaultMethod(detection),
  };
}

/** "MariaDB at db1:3306 and /run/mysqld/mysqld.sock": the server whose clients notice. */
function serverEndpoint(detection: Detection): string {
  const machine = detection.host.replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  const flavour = detection.flavour === 'mariadb' ? 'MariaDB' : 'MySQL';
  const tcp =
    detection.port === undefined ? undefined : `${machine}:${detection.port}`;
  return `${flavour} at ${[tcp, detection.socket || undefined].filter(Boolean).join(' and ')}`;
}

function warningsOf(detection: Detection, options: ResetOptions): string[] {
  const warnings: string[] = [];
  if (options.method !== 'session')
    warnings.push(
      `The server restarts twice; clients of ${serverEndpoint(detection)} lose their connections.`,
    );
  if (options.method === 'skip-grant-tables')
    warnings.push(
      'Fallback: while it runs without grant tables, any local user can log in over the socket (no TCP: --skip-networking).',
    );
  if (detection.flavour === 'mysql')
    warnings.push(
      'MySQL: the account gets the default plugin; a root on auth_socket stops logging in without a password.',
    );
  if (detection.flavour === 'mariadb' && !options.keepSocketLogin)
    warnings.push(
      'Socket login is removed from the account: `sudo mariadb` will need the password.',
    );
  if (detection.galera)
    warnings.push('Galera node: the restart is a cluster event.');
  if (
    detection.manager.kind === 'systemd' &&
    !detection.manager.optsInExecStart &&
    options.method !== 'session'
  )
    warnings.push(
      `${detection.manager.unit} does not take $MYSQLD_OPTS: the server runs outside the unit until the normal restart.`,
    );
  return warnings;
}

export function planOf(detection: Detection, options: ResetOptions): Plan {
  if (options.method === 'session' && !detection.access)
    throw new UserError('no way in without a restart was found', {
      hint: 'choose the init-file method',
    });
  if (/\s/.test(detection.runtimeDir))
    throw new UserError(
      `the runtime directory "${detection.runtimeDir}" holds a space`,
      { hint: 'the server options cannot carry it safely' },
    );
  // The same script that will run, built with the mask in place of the password.
  const { steps } = remoteScript(detection, options, MASK);
  const sql = resetSql(detection, options, options.method, undefined)
    .trimEnd()
    .split('\n');
  return {
    detection,
    options,
    steps: steps.map(({ id, title, commands }) => ({
      id,
      title,
      commands:
        id === 'write-init-file' ||
        id === 'change-in-session' ||
        id === 'change-without-grants'
          ? [...commands, ...sql.map((line) => `  ${line}`)]
          : commands,
    })),
    warnings: warningsOf(detection, options),
  };
}
