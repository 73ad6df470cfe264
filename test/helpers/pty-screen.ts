/**
 * Runs a program in a pseudo-terminal and keeps what a real terminal would
 * show, through a headless xterm: alternate screen, cursor moves and all.
 */
import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { screenCells } from './terminal-cells.js';

export interface PtyScreen {
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string[];
  /** The visible screen cell by cell with attributes (see screenCells). */
  cells(): Promise<string[]>;
  /** Resizes the terminal, as a user dragging the window would. */
  resize(columns: number, rows: number): void;
  /** Every byte the program wrote to the terminal so far, as text. */
  written(): string;
  type(text: string): void;
  waitFor(
    predicate: (screen: string) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<string>;
  readonly exited: Promise<number>;
  readonly pid: number;
  kill(): void;
}

export function runInPty(
  file: string,
  args: string[],
  options: { columns: number; rows: number; env?: NodeJS.ProcessEnv },
): PtyScreen {
  const terminal = new xterm.Terminal({
    cols: options.columns,
    rows: options.rows,
    allowProposedApi: true,
  });
  // Strings only (node-pty's type), and no CI variables: Ink would draw only the last frame.
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({
    ...process.env,
    TERM: 'xterm-256color',
    ...options.env,
  })) {
    if (
      value !== undefined &&
      !/^(CI|CONTINUOUS_INTEGRATION|CI_.*)$/.test(name)
    )
      env[name] = value;
  }
  const pty: IPty = spawn(file, args, {
    name: 'xterm-256color',
    cols: options.columns,
    rows: options.rows,
    cwd: process.cwd(),
    env,
  });
  let pending = Promise.resolve();
  const chunks: string[] = [];
  pty.onData((data) => {
    chunks.push(data);
    pending = pending.then(
      () => new Promise<void>((resolve) => terminal.write(data, resolve)),
    );
  });
  const exited = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode }) => resolve(exitCode)),
  );
  const screen = () => {
    const buffer = terminal.buffer.active;
    const rows: string[] = [];
    for (let row = 0; row < terminal.rows; row++)
      rows.push(
        buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '',
      );
    return rows;
  };
  return {
    screen,
    async cells() {
      await pending;
      return screenCells(terminal);
    },
    resize(columns, rows) {
      terminal.resize(columns, rows);
      pty.resize(columns, rows);
    },
    written: () => chunks.join(''),
    pid: pty.pid,
    type: (text) => pty.write(text),
    exited,
    kill: () => pty.kill(),
    async waitFor(predicate, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await pending;
        const text = screen().join('\n');
        if (predicate(text)) return text;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

/**
 * The moto endpoint of the lab a `--demo` console started, read from its
 * `:whoami` view; Esc then goes back to where the console was.
 */
export async function demoMotoEndpoint(app: PtyScreen): Promise<string> {
  // Open the command line first and see it open: a key typed while the
  // console is still settling its first frames can go to a view that goes.
  let opened = false;
  for (let attempt = 0; attempt < 3 && !opened; attempt++) {
    app.type(':');
    opened = await app
      .waitFor(
        (screen) => screen.includes('Tab completes'),
        'the command line',
        3000,
      )
      .then(
        () => true,
        () => false,
      );
  }
  app.type('whoami\r');
  const whoami = await app.waitFor(
    (screen) => screen.includes('Local lab'),
    'the lab summary',
  );
  const endpoint = /moto\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(whoami)?.[1];
  if (!endpoint) throw new Error(`no moto endpoint in:\n${whoami}`);
  app.type('\u001b');
  return endpoint;
}
