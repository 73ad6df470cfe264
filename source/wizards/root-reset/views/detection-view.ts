import { wrapLines } from '../../../lib/wrap-lines.js';
import type { ViewGlyphs, ViewLine } from '../../view-lines.js';
import type { Access, Detection, Manager } from '../types.js';
import type { Tone } from '../../../lib/view-types.js';

const LABEL = 14;

/** "Label         value", the value wrapped under itself. */
export function field(
  label: string,
  value: string,
  width: number,
  tone?: Tone,
): ViewLine[] {
  return wrapLines(value, width, {
    first: label.padEnd(LABEL),
    rest: ' '.repeat(LABEL),
  }).map((text) => ({ text, ...(tone ? { tone } : {}) }));
}

export function flavourName(detection: Detection): string {
  return detection.flavour === 'mariadb' ? 'MariaDB' : 'MySQL';
}

function managerLabel(manager: Manager): string {
  switch (manager.kind) {
    case 'systemd':
      return `systemd unit ${manager.unit}${manager.optsInExecStart ? '' : ' (takes no $MYSQLD_OPTS)'}`;
    case 'sysv':
      return `SysV init script ${manager.script}`;
    case 'custom':
      return `the profile's commands: stop ${manager.stop}; start ${manager.start}`;
  }
}

function accessLabel(access: Access | undefined): string {
  switch (access?.kind) {
    case undefined:
      return 'none found: changing the password needs a restart';
    case 'socket-root':
      return 'root over the socket as OS root (no restart needed)';
    case 'maintenance-file':
      return `${access.user} from ${access.path} (no restart needed)`;
    case 'temporary-password':
      return `the install's temporary password in ${access.log} (no restart needed)`;
  }
}

export function detectionLines(
  detection: Detection,
  width: number,
  glyphs: ViewGlyphs,
): ViewLine[] {
  const d = detection;
  const lines: ViewLine[] = [
    ...field(
      'Host',
      `${d.host}, as ${d.viaSudo ? `root via sudo (SSH user ${d.osUser})` : d.osUser}`,
      width,
    ),
    ...field(
      'Server',
      `${flavourName(d)} ${d.version}, pid ${d.pid}, runs as ${d.serverUser}`,
      width,
    ),
    ...field('Binary', d.serverBinary || '?', width, 'muted'),
    ...field('Managed by', managerLabel(d.manager), width),
    ...field('Socket', d.socket || '?', width),
    ...field(
      'Port',
      d.port === undefined ? 'none (no TCP)' : String(d.port),
      width,
    ),
    ...field('Data dir', d.datadir || '?', width),
    ...field('Pid file', d.pidFile || '?', width),
    ...field('Runtime dir', `${d.runtimeDir} (the init file goes here)`, width),
    ...field('Error log', d.errorLog ?? 'none (syslog or journal)', width),
    ...field(
      'Binary log',
      d.binaryLog === undefined
        ? 'unknown'
        : d.binaryLog
          ? 'on (the change is kept out of it)'
          : 'off',
      width,
    ),
    ...field('AppArmor', d.apparmor ?? 'not in use', width),
    ...field('SELinux', d.selinux ?? 'not in use', width),
    ...field(
      'Galera',
      d.galera ? 'yes: a restart is a cluster event' : 'no',
      width,
      d.galera ? 'warn' : undefined,
    ),
    ...field(
      'Way in',
      accessLabel(d.access),
      width,
      d.access ? 'ok' : undefined,
    ),
  ];
  for (const note of d.notes)
    lines.push(
      ...wrapLines(note, width, { first: `${glyphs.info} ` }).map((text) => ({
        text,
        tone: 'info' as const,
      })),
    );
  return lines;
}
