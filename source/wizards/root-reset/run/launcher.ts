/**
 * Starts the reset script detached on the host and follows its log. The
 * script arrives whole or not at all: its size and SHA-256 are checked
 * before it runs; setsid keeps it running when the SSH session drops.
 */
import { createHash } from 'node:crypto';

/** Where runs live; root-only, on tmpfs where the host has /run. */
export const WORK_PATTERN = /^\/(run|tmp)\/opsdeck-reset\.[A-Za-z0-9]{8}$/;

export function launchCommand(script: string): string {
  const bytes = Buffer.byteLength(script);
  const sum = createHash('sha256').update(script).digest('hex');
  return [
    'umask 077',
    'work=$(mktemp -d /run/opsdeck-reset.XXXXXXXX 2>/dev/null || mktemp -d /tmp/opsdeck-reset.XXXXXXXX) || exit 90',
    `head -c ${bytes} > "$work/run.part"`,
    `if [ "$(wc -c < "$work/run.part")" -ne ${bytes} ] || [ "$(sha256sum < "$work/run.part" | cut -d ' ' -f 1)" != ${sum} ]; then rm -rf -- "$work"; echo '@@error the script arrived incomplete; nothing ran'; exit 91; fi`,
    'mv "$work/run.part" "$work/run.sh"',
    // The subshell makes init the script's parent: tail must not be, or it would wait on a zombie.
    '( setsid sh "$work/run.sh" "$work" </dev/null >"$work/log" 2>&1 & )',
    'n=0; while [ ! -s "$work/pid" ]; do n=$((n + 1)); if [ "$n" -gt 100 ]; then echo "@@error the script did not start"; exit 92; fi; sleep 0.1; done',
    'echo "@@work $work"',
    'exec tail -n +1 -f --pid="$(cat "$work/pid")" "$work/log"',
  ].join('\n');
}

/** Reads a run's log and whether it still runs; for runs whose link dropped. */
export function followCommand(work: string): string {
  return `pid=$(cat '${work}/pid' 2>/dev/null); if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then exec tail -n +1 -f --pid="$pid" '${work}/log'; else cat '${work}/log'; fi`;
}

export function removeCommand(work: string): string {
  return `rm -rf -- '${work}'`;
}

export function stopCommand(work: string): string {
  return `kill -TERM "$(cat '${work}/pid')"`;
}

/** Returns when a run has ended. */
export function waitCommand(work: string): string {
  return `pid=$(cat '${work}/pid' 2>/dev/null) || exit 0; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done`;
}
