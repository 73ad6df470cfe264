/**
 * Hands the terminal to another program (ssh) and takes it back: leave the
 * alternate screen and raw mode, run it in the foreground, restore both. When
 * the program fails, its message stays on screen until Enter is pressed.
 */
import { spawnSync } from 'node:child_process';
import { ALT_SCREEN_OFF, ALT_SCREEN_ON } from './screen.js';

export interface SuspendTerminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  /** Called once the console's screen is back, to redraw it in full. */
  readonly redraw: () => void;
}

export function runSuspended(
  terminal: SuspendTerminal,
  command: string,
  args: readonly string[],
): number | null {
  const { stdin, stdout } = terminal;
  stdout.write(ALT_SCREEN_OFF);
  if (stdin.isTTY) stdin.setRawMode(false);
  let status: number | null;
  try {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    status = result.error ? 127 : result.status;
    if (status !== 0) {
      const why = result.error
        ? `${command}: ${result.error.message}`
        : `${command} exited with ${String(status)}`;
      // A shell reads the Enter: the terminal is in its normal mode here.
      spawnSync(
        'sh',
        [
          '-c',
          'printf "\\n%s; press Enter to return to opsdeck " "$1"; read _',
          'sh',
          why,
        ],
        { stdio: 'inherit' },
      );
    }
  } finally {
    if (stdin.isTTY) stdin.setRawMode(true);
    stdout.write(ALT_SCREEN_ON);
    terminal.redraw();
  }
  return status;
}
