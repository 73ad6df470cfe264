/**
 * The steps of a reset as shell, each with the commands the plan shows.
 * Secrets never appear here: the SQL and the login check file are written by
 * functions of the script's prelude (see remote-script.ts).
 */
import type { ManagerShell } from './script-manager.js';
import { MASK } from '../secrets.js';
import type { Detection, Method, PlanStep, StepId } from '../types.js';

export interface ScriptStep extends PlanStep {
  /** The step's shell; `die` fails it. */
  readonly shell: string;
}

const TITLES: Record<StepId, string> = {
  check: 'Check the server and the host',
  'change-in-session': 'Change the password without a restart',
  'write-init-file': 'Write the init file (server user only)',
  'stop-server': 'Stop the server',
  'start-with-init-file': 'Start it with the init file',
  'start-without-grants': 'Start it without grant tables, no networking',
  'change-without-grants': 'Load the grants and change the password',
  'confirm-login': 'Log in with the new password',
  'remove-init-file': 'Remove the init file',
  'restart-normally': 'Restart it normally',
  'check-normal': 'Check logins and TCP',
};

export const stepTitle = (id: StepId) => TITLES[id];

function sessionClient(detection: Detection): { shell: string; shown: string } {
  const access = detection.access;
  if (access?.kind === 'maintenance-file')
    return {
      shell: `"$CLIENT" --defaults-file=${access.path} --protocol=SOCKET -S "$SOCKET"`,
      shown: `${detection.client} --defaults-file=${access.path}`,
    };
  if (access?.kind === 'temporary-password')
    return {
      shell: `"$CLIENT" --defaults-file="$WORK/temp.cnf" --protocol=SOCKET -S "$SOCKET" --connect-expired-password`,
      shown: `${detection.client} --defaults-file=<temporary password from ${access.log}> --connect-expired-password`,
    };
  return {
    shell: `"$CLIENT" --no-defaults --protocol=SOCKET -S "$SOCKET" -u root`,
    shown: `${detection.client} -S ${detection.socket} -u root   # as OS root`,
  };
}

export function scriptSteps(
  detection: Detection,
  method: Method,
  manager: ManagerShell,
): ScriptStep[] {
  const { client, socket, runtimeDir, serverUser } = detection;
  const step = (id: StepId, shell: string, commands: string[]): ScriptStep => ({
    id,
    title: TITLES[id],
    shell,
    commands,
  });
  const check = step(
    'check',
    `alive || die "the server does not answer on $SOCKET"
    PID=$(cat "$PIDFILE" 2>/dev/null || echo "$PID")
    kill -0 "$PID" 2>/dev/null || die "no server process $PID (pid file $PIDFILE)"
    id -u "$SERVER_USER" >/dev/null 2>&1 || die "no OS user $SERVER_USER"
    [ -d "$RUNDIR" ] || die "no runtime directory $RUNDIR"
    free=$(df -Pk "$DATADIR" | awk 'NR==2 {print $4}')
    [ "\${free:-0}" -gt 10240 ] || die "under 10 MiB free for $DATADIR; a restart may fail"
    write_check_cnf
    ${detection.access?.kind === 'temporary-password' ? 'write_temp_cnf || die "the temporary password is gone from the log"' : ':'}`,
    [
      `${client} ping over ${socket}; df ${detection.datadir}; write a 0400 login-check file (new password) in the work directory`,
    ],
  );
  const stop = step(
    'stop-server',
    `server_stop || die "the stop command failed"\n    wait_gone || die "the server did not stop in $WAIT s"`,
    [manager.stopCommand],
  );
  const confirm = step(
    'confirm-login',
    `login_new || die_log "the new password does not log in"`,
    [`${client} --defaults-file=<login-check file> -e 'SELECT CURRENT_USER()'`],
  );
  const restart = step(
    'restart-normally',
    `server_stop || die "the stop command failed"
    wait_gone || die "the server did not stop in $WAIT s"
    drop_temporary; STARTED_WITH=
    server_start "" || die "the start command failed"
    wait_alive || die_log "the server did not come back in $WAIT s"`,
    [manager.stopCommand, manager.startCommand('')],
  );
  const checkNormal = step(
    'check-normal',
    `login_new || die "the new password does not log in after the restart"
    if [ -n "$PORT" ]; then tcp_alive || die "the server does not accept TCP on port $PORT"; fi
    socket_report`,
    [
      `${client} --defaults-file=<login-check file> -e 'SELECT CURRENT_USER()'`,
      detection.port
        ? `${client} -h 127.0.0.1 -P ${detection.port} (TCP answers)`
        : 'no TCP port to check',
    ],
  );
  if (method === 'session') {
    const session = sessionClient(detection);
    return [
      check,
      step(
        'change-in-session',
        `write_reset_sql | ${session.shell} || die "the server refused the change"`,
        [`${session.shown} < reset.sql`, `reset.sql: see below (${MASK})`],
      ),
      checkNormal,
    ];
  }
  if (method === 'init-file')
    return [
      check,
      step(
        'write-init-file',
        `INIT=$(mktemp "$RUNDIR/opsdeck-init.XXXXXXXX") || die "cannot create a file in $RUNDIR"
    write_reset_sql > "$INIT" && chown "$SERVER_USER" "$INIT" && chmod 0400 "$INIT" || die "cannot write $INIT"`,
        [
          `umask 077; INIT=$(mktemp ${runtimeDir}/opsdeck-init.XXXXXXXX)`,
          `cat > $INIT < reset.sql; chown ${serverUser} $INIT; chmod 0400 $INIT`,
        ],
      ),
      stop,
      step(
        'start-with-init-file',
        `STARTED_WITH=init-file
    server_start "--init-file=$INIT" || die "the start command failed"
    wait_alive || die_log "the server did not start with the init file"`,
        [manager.startCommand('--init-file=$INIT')],
      ),
      confirm,
      step(
        'remove-init-file',
        `rm -f -- "$INIT" && INIT= || die "cannot remove $INIT"`,
        ['rm -f $INIT'],
      ),
      restart,
      checkNormal,
    ];
  return [
    check,
    stop,
    step(
      'start-without-grants',
      `STARTED_WITH=skip-grant-tables
    server_start "--skip-grant-tables --skip-networking" || die "the start command failed"
    wait_alive || die_log "the server did not start without grant tables"`,
      [manager.startCommand('--skip-grant-tables --skip-networking')],
    ),
    step(
      'change-without-grants',
      `write_reset_sql | "$CLIENT" --no-defaults --protocol=SOCKET -S "$SOCKET" -u root || die "the server refused the change"`,
      [`${client} -S ${socket} -u root < reset.sql`],
    ),
    confirm,
    restart,
    checkNormal,
  ];
}
