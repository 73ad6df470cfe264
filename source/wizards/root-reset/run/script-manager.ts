/**
 * Shell functions that stop and start the server the way its host manages
 * it, and start it once with temporary options (init file, or no grant
 * tables). Nothing temporary outlives the script: a systemd drop-in lives
 * in /run and is removed by drop_temporary, which the trap also calls.
 */
import { shellQuote } from '../../../ssh/shell-quote.js';
import type { Detection } from '../types.js';

export interface ManagerShell {
  /** Definitions of server_stop, server_start OPTS, drop_temporary. */
  readonly functions: string;
  /** What the plan shows for a stop, and for a start with options. */
  readonly stopCommand: string;
  readonly startCommand: (options: string) => string;
}

const DROPIN_NAME = 'zz-opsdeck-reset.conf';

function systemd(
  unit: string,
  optsInExecStart: boolean,
  detection: Detection,
): ManagerShell {
  const q = shellQuote(unit);
  const dropinDir = `/run/systemd/system/${unit}.d`;
  const dropin = `${dropinDir}/${DROPIN_NAME}`;
  if (!optsInExecStart)
    return direct(`systemctl stop ${q}`, `systemctl start ${q}`, detection);
  return {
    functions: `
  DROPIN=${shellQuote(dropin)}
  server_stop() { systemctl stop ${q}; }
  server_start() {
    if [ -n "$1" ]; then
      mkdir -p ${shellQuote(dropinDir)} && printf '[Service]\\nEnvironment="MYSQLD_OPTS=%s"\\n' "$1" > "$DROPIN" && systemctl daemon-reload || return 1
    fi
    systemctl start ${q}
  }
  drop_temporary() { if [ -e "$DROPIN" ]; then rm -f -- "$DROPIN"; rmdir ${shellQuote(dropinDir)} 2>/dev/null; systemctl daemon-reload; fi; }`,
    stopCommand: `systemctl stop ${unit}`,
    startCommand: (options) =>
      options
        ? `printf '[Service]\\nEnvironment="MYSQLD_OPTS=${options}"\\n' > ${dropin}; systemctl daemon-reload; systemctl start ${unit}`
        : `systemctl start ${unit}`,
  };
}

/** For a unit that cannot take options: the binary itself, watched by the script. */
function direct(
  stop: string,
  start: string,
  detection: Detection,
): ManagerShell {
  const server = `${shellQuote(detection.serverBinary)} --user=${shellQuote(detection.serverUser)}`;
  return {
    functions: `
  DIRECT_PID=
  server_stop() {
    if [ -n "$DIRECT_PID" ]; then kill -TERM "$DIRECT_PID"; DIRECT_PID=; else ${stop}; fi
  }
  server_start() {
    if [ -n "$1" ]; then setsid ${server} $1 </dev/null >/dev/null 2>&1 & DIRECT_PID=$!; else ${start}; fi
  }
  drop_temporary() { :; }`,
    stopCommand: stop,
    startCommand: (options) =>
      options
        ? `setsid ${detection.serverBinary} --user=${detection.serverUser} ${options} &`
        : start,
  };
}

export function managerShell(detection: Detection): ManagerShell {
  const manager = detection.manager;
  switch (manager.kind) {
    case 'systemd':
      return systemd(manager.unit, manager.optsInExecStart, detection);
    case 'sysv': {
      const script = shellQuote(manager.script);
      return {
        // Debian's init script hands what follows `start` to mysqld_safe.
        functions: `
  server_stop() { ${script} stop; }
  server_start() { ${script} start $1; }
  drop_temporary() { :; }`,
        stopCommand: `${manager.script} stop`,
        startCommand: (options) =>
          `${manager.script} start${options ? ` ${options}` : ''}`,
      };
    }
    case 'custom':
      return {
        // Like systemd units, a custom start command takes $MYSQLD_OPTS.
        functions: `
  server_stop() { sh -c ${shellQuote(manager.stop)}; }
  server_start() { MYSQLD_OPTS="$1" sh -c ${shellQuote(manager.start)}; }
  drop_temporary() { :; }`,
        stopCommand: manager.stop,
        startCommand: (options) =>
          options ? `MYSQLD_OPTS="${options}" ${manager.start}` : manager.start,
      };
  }
}
