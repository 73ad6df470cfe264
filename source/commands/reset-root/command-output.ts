/** What `opsdeck reset-root` prints: facts and plan to stderr, the result to stdout. */
import { jsonLine, type CommandIo } from '../command-io.js';
import type {
  Detection,
  Plan,
  ResetResult,
  RunEvent,
} from '../../wizards/root-reset/types.js';

function managerLabel(detection: Detection): string {
  const manager = detection.manager;
  if (manager.kind === 'systemd') return `systemd unit ${manager.unit}`;
  if (manager.kind === 'sysv') return `init script ${manager.script}`;
  return `profile commands (stop: ${manager.stop}; start: ${manager.start})`;
}

export function printDetection(detection: Detection, io: CommandIo): void {
  const access = detection.access;
  const lines = [
    `host       ${detection.host}${detection.viaSudo ? ' (sudo)' : ''}`,
    `server     ${detection.flavour} ${detection.version}, pid ${detection.pid}, user ${detection.serverUser}`,
    `managed by ${managerLabel(detection)}`,
    `socket     ${detection.socket}${detection.port ? `, port ${detection.port}` : ', no TCP'}`,
    `datadir    ${detection.datadir}; runtime dir ${detection.runtimeDir}`,
    `binary log ${detection.binaryLog ? 'on' : 'off'}${detection.galera ? '; Galera node' : ''}`,
    `way in     ${access ? access.kind : 'none without a restart'}`,
    ...detection.notes.map((note) => `note       ${note}`),
  ];
  for (const line of lines) io.err(line);
}

export function printPlan(plan: Plan, io: CommandIo): void {
  io.err(
    `plan (${plan.options.method}) for ${plan.options.user}@${plan.options.host}:`,
  );
  for (const warning of plan.warnings) io.err(`  ! ${warning}`);
  plan.steps.forEach((step, index) => {
    io.err(`  ${index + 1}. ${step.title}`);
    for (const command of step.commands) io.err(`       ${command}`);
  });
}

export function eventPrinter(io: CommandIo): (event: RunEvent) => void {
  return (event) => {
    if (event.kind === 'step' && event.status !== 'running')
      io.err(`${event.status.padEnd(7)} ${event.id}`);
    else if (event.kind === 'step' && event.detail)
      io.err(`        ${event.detail}`);
    else if (event.kind === 'output') io.err(`        | ${event.line}`);
  };
}

export function printResult(
  result: ResetResult,
  json: boolean,
  io: CommandIo,
): void {
  const { remote, tunnelLogin } = result;
  if (json) {
    io.out(jsonLine({ ...remote, tunnelLogin }));
    return;
  }
  io.out(
    remote.ok
      ? 'password reset'
      : `reset failed at ${remote.failedStep ?? '?'}: ${remote.error ?? 'no error text'}`,
  );
  io.out(
    `server ${remote.serverState}; the ${remote.password} password logs in`,
  );
  if (remote.socketLogin !== undefined)
    io.out(`socket login ${remote.socketLogin ? 'kept' : 'not available'}`);
  if (tunnelLogin)
    io.out(
      `through the tunnel: ${tunnelLogin.ok ? tunnelLogin.message : `failed: ${tunnelLogin.message}`}`,
    );
  for (const file of remote.leftFiles) io.out(`left on the host: ${file}`);
}
