/**
 * Assembles the one remote script of a reset. It runs detached from the SSH
 * session (see launcher.ts), reports `@@` lines into its log, and under a
 * trap always removes its temporary files and leaves the server running
 * normally, whether a step fails, it is killed or the link drops.
 */
import { shellQuote } from '../../../ssh/shell-quote.js';
import { managerShell } from './script-manager.js';
import { scriptSteps, type ScriptStep } from './script-steps.js';
import { optionValue } from '../../../mysql/dump/remote-tools.js';
import { resetSql } from '../sql.js';
import { checkAccount } from '../account.js';
import { heredocDelimiter } from './heredoc.js';
import type { Detection, ResetOptions } from '../types.js';

export interface RemoteScript {
  readonly text: string;
  readonly steps: readonly ScriptStep[];
}

const CLIENT_ARGS = '--protocol=SOCKET -S "$SOCKET"';

function prelude(
  detection: Detection,
  options: ResetOptions,
  password: string,
): string {
  const q = shellQuote;
  const sql = resetSql(detection, options, options.method, password);
  const cnf = `[client]
user=${optionValue(options.user)}
password=${optionValue(password)}
`;
  const cnfEnd = heredocDelimiter('OPSDECK_CNF', cnf);
  const sqlEnd = heredocDelimiter('OPSDECK_SQL', sql);
  const target =
    options.host === 'localhost'
      ? CLIENT_ARGS
      : '--protocol=TCP -h 127.0.0.1 -P "$PORT"';
  const temp =
    detection.access?.kind === 'temporary-password' ? detection.access.log : '';
  return `
  PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; export PATH
  umask 077; set -u
  WORK=$1; echo $$ > "$WORK/pid"; CURRENT=start; FINISHED=; STARTED_WITH=; INIT=
  CLIENT=${q(detection.client)}; SOCKET=${q(detection.socket)}; RUNDIR=${q(detection.runtimeDir)}
  SERVER_USER=${q(detection.serverUser)}; PIDFILE=${q(detection.pidFile)}; PID=${detection.pid}
  DATADIR=${q(detection.datadir)}; PORT=${detection.port ?? ''}; WAIT=${options.waitSeconds ?? 300}
  ERRLOG=${q(detection.errorLog ?? '')}; TEMPLOG=${q(temp)}; FAULT=${q(options.faultAt ?? '')}
  SOCKET_CHECK=${detection.flavour === 'mariadb' && options.user === 'root' && options.host === 'localhost' ? 'yes' : ''}
  say() { printf '%s\\n' "$*"; }
  die() { say "@@error $*"; exit 1; }
  die_log() {
    say "@@error $*"
    if [ -n "$ERRLOG" ] && [ -r "$ERRLOG" ]; then say "last lines of $ERRLOG:"; tail -n 8 "$ERRLOG"; fi
    exit 1
  }
  begin() { CURRENT=$1; say "@@step $1 running"; [ "$FAULT" != "$1" ] || die "fault injected at $1 (test)"; }
  finish() { say "@@step $CURRENT done"; }
  answers() { # $@: how to reach the server; access denied still means it answers
    out=$("$CLIENT" --no-defaults "$@" -u opsdeck_ping --connect-timeout=2 -N -e 'SELECT 1' </dev/null 2>&1) && return 0
    case $out in *1045*|*1698*|*"ccess denied"*) return 0 ;; esac
    return 1
  }
  alive() { answers ${CLIENT_ARGS}; }
  tcp_alive() { answers --protocol=TCP -h 127.0.0.1 -P "$PORT"; }
  wait_alive() {
    n=0
    while ! alive; do n=$((n + 1)); [ "$n" -le $((WAIT * 2)) ] || return 1; sleep 0.5; done
    PID=$(cat "$PIDFILE" 2>/dev/null || echo "$PID")
  }
  wait_gone() {
    n=0
    while kill -0 "$PID" 2>/dev/null || alive; do n=$((n + 1)); [ "$n" -le $((WAIT * 2)) ] || return 1; sleep 0.5; done
  }
  login_new() { "$CLIENT" --defaults-file="$WORK/check.cnf" ${target} -N -e 'SELECT CURRENT_USER()' </dev/null; }
  socket_report() {
    [ -n "$SOCKET_CHECK" ] || return 0
    if "$CLIENT" --no-defaults ${CLIENT_ARGS} -u root -N -e 'SELECT 1' </dev/null >/dev/null 2>&1; then say "@@socket yes"; else say "@@socket no"; fi
  }
  write_check_cnf() {
    cat > "$WORK/check.cnf" <<'${cnfEnd}'
${cnf}${cnfEnd}
  }
  write_temp_cnf() {
    temp=$(grep 'temporary password' "$TEMPLOG" | tail -n 1 | sed 's/.*: //; s/[\\\\"]/\\\\&/g')
    [ -n "$temp" ] && printf '[client]\\nuser=root\\npassword="%s"\\n' "$temp" > "$WORK/temp.cnf"
  }
  write_reset_sql() {
    cat <<'${sqlEnd}'
${sql}${sqlEnd}
  }`;
}

const CLEANUP = `
  cleanup() {
    trap '' HUP INT TERM
    if [ -z "$FINISHED" ]; then
      say "@@step $CURRENT failed"
      say "restoring the server's normal state"
      [ -z "$INIT" ] || rm -f -- "$INIT"
      if [ -n "$STARTED_WITH" ]; then server_stop; wait_gone; fi
      drop_temporary; STARTED_WITH=
      if ! alive; then server_start ""; wait_alive; fi
    fi
    [ -z "$INIT" ] || rm -f -- "$INIT"
    if alive; then say "@@state running"; else say "@@state stopped"; fi
    if [ -e "$WORK/check.cnf" ] && login_new >/dev/null 2>&1; then say "@@password new"
    elif alive; then say "@@password old"; else say "@@password unknown"; fi
    [ -n "$FINISHED" ] || socket_report
    rm -f -- "$WORK/check.cnf" "$WORK/temp.cnf" "$WORK/run.sh"
    for left in "$RUNDIR"/opsdeck-init.*; do [ -e "$left" ] && say "@@left $left"; done
    if [ -n "$FINISHED" ]; then say "@@end ok"; else say "@@end failed"; fi
  }
  trap cleanup EXIT
  trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM`;

export function remoteScript(
  detection: Detection,
  options: ResetOptions,
  password: string,
): RemoteScript {
  checkAccount(options);
  const manager = managerShell(detection);
  const steps = scriptSteps(detection, options.method, manager);
  const body = steps
    .map((step) => `  begin ${step.id}\n    ${step.shell}\n  finish`)
    .join('\n');
  // main() on the last line: a script cut short in transit runs nothing.
  const text = `main() {${prelude(detection, options, password)}${manager.functions}${CLEANUP}
  say "@@target $SOCKET"
  drop_temporary
${body}
  FINISHED=yes
}
main "$@"
`;
  return { text, steps };
}
