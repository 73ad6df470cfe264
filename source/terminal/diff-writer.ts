/**
 * The stream Ink writes to instead of stdout. Ink redraws its whole frame on
 * every change (erase each line, write it again); this keeps the screen those
 * writes describe as cells and sends the terminal only the cells that
 * changed, inside synchronized output (DEC 2026), in one write per frame.
 * A resize and repaint() send the whole screen. With `diff` off every byte
 * goes through unchanged (the escape hatch), and repaint() still works.
 */
import { EventEmitter } from 'node:events';
import { paintDiff, unknownTerminal } from './screen-diff.js';
import type { Row } from './screen-grid.js';
import { ScreenModel } from './screen-model.js';

const SYNC_BEGIN = '\u001B[?2026h';
const SYNC_END = '\u001B[?2026l';
/** How long a resize waits for Ink's new frame before repainting what it has. */
const RESIZE_REPAINT_MS = 100;

/** The parts of a terminal's stdout that Ink and the console use. */
export interface TerminalOutput {
  readonly columns: number;
  readonly rows: number;
  readonly isTTY?: boolean;
  write(chunk: string): unknown;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

export class DiffWriter extends EventEmitter {
  private readonly model: ScreenModel;
  private shown: Row[] | undefined;
  private readonly terminal = unknownTerminal();
  private inSync = false;
  private resizeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly out: TerminalOutput,
    private readonly diff = true,
  ) {
    super();
    this.model = new ScreenModel(out.columns, out.rows, {
      onSync: (begin) => {
        this.inSync = begin;
        if (!begin) this.flush();
      },
    });
    out.on('resize', this.resized);
  }

  get columns(): number {
    return this.out.columns;
  }

  get rows(): number {
    return this.out.rows;
  }

  get isTTY(): boolean {
    return this.out.isTTY === true;
  }

  /** Stream-like: Ink calls write(text) and sometimes passes a callback. */
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    const text =
      typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (!this.diff) this.out.write(text);
    this.model.write(text);
    if (!this.inSync) this.flush();
    const done = rest.find((arg) => typeof arg === 'function') as
      (() => void) | undefined;
    done?.();
    return true;
  }

  /** Sends the whole screen again: after Ctrl+L, or when the terminal comes back from another program. */
  repaint(): void {
    this.shown = undefined;
    Object.assign(this.terminal, unknownTerminal());
    this.flush(true);
  }

  /** Stops listening to the terminal. */
  close(): void {
    this.out.off('resize', this.resized);
    clearTimeout(this.resizeTimer);
  }

  private flush(force = false): void {
    const through = this.model.passThrough.join('');
    this.model.passThrough = [];
    // Without the diff every byte has gone through already; only a repaint adds to it.
    if (!this.diff && !force) return;
    // A sequence passed on unread may have moved the cursor or changed the pen.
    if (!this.diff) Object.assign(this.terminal, unknownTerminal());
    else if (through !== '')
      Object.assign(this.terminal, { row: -1, column: -1, style: undefined });
    const paint = paintDiff(this.shown, this.model, this.terminal);
    this.shown = this.model.rows.map((row) => [...row]);
    const out =
      (this.diff ? through : '') +
      (paint === '' ? '' : SYNC_BEGIN + paint + SYNC_END);
    if (out !== '') this.out.write(out);
  }

  private readonly resized = () => {
    this.model.resize(this.out.columns, this.out.rows);
    if (this.diff) {
      // The terminal's idea of the screen after a resize is unknown: the next frame goes in full.
      this.shown = undefined;
      Object.assign(this.terminal, unknownTerminal());
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => {
        if (!this.shown) this.flush();
      }, RESIZE_REPAINT_MS);
      this.resizeTimer.unref();
    }
    this.emit('resize');
  };
}
