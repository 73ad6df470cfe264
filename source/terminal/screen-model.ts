/**
 * What the screen should show, read from the stream Ink writes: text, SGR,
 * cursor moves (CR, LF, CSI A-H), erases (CSI J, K), cursor visibility and
 * synchronized-output marks. Sequences that do not draw (OSC 52 to the
 * clipboard, other modes) are kept in order to be passed on as they are.
 */
import {
  blankRow,
  codePointWidth,
  eraseCells,
  joinCell,
  putCell,
  type Row,
} from './screen-grid.js';
import { applySgr, PLAIN, StyleTable, type Style } from './sgr.js';

/* eslint-disable no-control-regex -- escape sequences and controls are the input */
const SEQUENCE =
  /\u001B(?:\[([0-?]*)[ -/]*([@-~])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[ -/]*[0-Z\\^-~])/y;
/** The start of a sequence, cut off by the end of a write. */
const PARTIAL = /\u001B(?:\[[0-?]*[ -/]*|\][^\u0007\u001B]*\u001B?|[ -/]*)$/y;
const CONTROL = /[\u0000-\u001f\u007f]/;
/* eslint-enable no-control-regex */

export interface ModelEvents {
  /** `CSI ? 2026 h` (true) or `l` (false). */
  readonly onSync: (begin: boolean) => void;
}

export class ScreenModel {
  readonly styles = new StyleTable();
  rows: Row[];
  cursorRow = 0;
  cursorColumn = 0;
  cursorVisible = true;
  /** Sequences to pass on unchanged at the next flush. */
  passThrough: string[] = [];
  private wrapPending = false;
  private pen: Style = PLAIN;
  private penId = 0;
  private carry = '';
  private readonly penAfter = new Map<string, number>();

  constructor(
    public columns: number,
    public height: number,
    private readonly events: ModelEvents = { onSync: () => undefined },
  ) {
    this.rows = Array.from({ length: height }, () => blankRow(columns));
  }

  /** Keeps what fits, as a terminal's alternate screen does (no reflow). */
  resize(columns: number, height: number): void {
    this.rows = Array.from({ length: height }, (_, index) => {
      const row = this.rows[index]?.slice(0, columns) ?? [];
      if (row.at(-1)?.width === 2) row.pop();
      return [...row, ...blankRow(columns - row.length)];
    });
    this.columns = columns;
    this.height = height;
    this.cursorRow = Math.min(this.cursorRow, height - 1);
    this.cursorColumn = Math.min(this.cursorColumn, columns - 1);
    this.wrapPending = false;
  }

  write(chunk: string): void {
    const text = this.carry + chunk;
    this.carry = '';
    let index = 0;
    while (index < text.length) {
      const char = text[index] ?? '';
      if (char === '\u001B') {
        SEQUENCE.lastIndex = index;
        const match = SEQUENCE.exec(text);
        if (!match) {
          PARTIAL.lastIndex = index;
          if (PARTIAL.test(text)) {
            // Cut between two writes: finish it with the next one.
            this.carry = text.slice(index);
            return;
          }
          this.passThrough.push(char);
          index++;
          continue;
        }
        index = SEQUENCE.lastIndex;
        this.sequence(match[0], match[1], match[2]);
      } else if (CONTROL.test(char)) {
        this.control(char);
        index++;
      } else if (char.charCodeAt(0) < 0xd800) {
        this.print(char);
        index++;
      } else {
        const codePoint = String.fromCodePoint(text.codePointAt(index) ?? 0);
        this.print(codePoint);
        index += codePoint.length;
      }
    }
  }

  private row(): Row {
    return this.rows[this.cursorRow] ?? [];
  }

  private print(char: string): void {
    const width = codePointWidth(char);
    if (width === 0) {
      const column = this.wrapPending ? this.columns : this.cursorColumn;
      joinCell(this.row(), column, char);
      return;
    }
    if (this.wrapPending || this.cursorColumn + width > this.columns) {
      this.cursorColumn = 0;
      this.lineFeed();
    }
    putCell(this.row(), this.cursorColumn, char, width, this.penId);
    this.cursorColumn += width;
    this.wrapPending = this.cursorColumn >= this.columns;
    if (this.wrapPending) this.cursorColumn = this.columns - 1;
  }

  private lineFeed(): void {
    this.wrapPending = false;
    if (this.cursorRow < this.height - 1) {
      this.cursorRow++;
      return;
    }
    this.rows.shift();
    this.rows.push(blankRow(this.columns, this.eraseStyle()));
  }

  private control(char: string): void {
    if (char === '\n') {
      // The terminal's output processing (ONLCR) turns LF into CR LF.
      this.cursorColumn = 0;
      this.lineFeed();
    } else if (char === '\r') this.moveTo(this.cursorRow, 0);
    else if (char === '\b') this.moveTo(this.cursorRow, this.cursorColumn - 1);
    else this.passThrough.push(char);
  }

  private moveTo(row: number, column: number): void {
    this.cursorRow = Math.max(0, Math.min(this.height - 1, row));
    this.cursorColumn = Math.max(0, Math.min(this.columns - 1, column));
    this.wrapPending = false;
  }

  /** Erases take the background colour only (back-colour erase). */
  private eraseStyle(): number {
    return this.pen.bg === ''
      ? 0
      : this.styles.id({ ...PLAIN, bg: this.pen.bg });
  }

  private sequence(whole: string, params?: string, final?: string): void {
    if (final === undefined || params === undefined) {
      this.passThrough.push(whole);
      return;
    }
    if (params.startsWith('?')) {
      const on = final === 'h';
      if (params === '?25') this.cursorVisible = on;
      else if (params === '?2026') this.events.onSync(on);
      else this.passThrough.push(whole);
      return;
    }
    const numbers = params.split(';').map((part) => Number(part) || 0);
    const n = Math.max(1, numbers[0] ?? 0);
    const { cursorRow: row, cursorColumn: column } = this;
    switch (final) {
      case 'm':
        this.setPen(params);
        return;
      case 'A':
        return this.moveTo(row - n, column);
      case 'B':
        return this.moveTo(row + n, column);
      case 'C':
        return this.moveTo(row, column + n);
      case 'D':
        return this.moveTo(row, column - n);
      case 'E':
        return this.moveTo(row + n, 0);
      case 'F':
        return this.moveTo(row - n, 0);
      case 'G':
        return this.moveTo(row, n - 1);
      case 'H':
      case 'f':
        return this.moveTo(n - 1, Math.max(1, numbers[1] ?? 0) - 1);
      case 'J':
        return this.eraseDisplay(numbers[0] ?? 0);
      case 'K':
        return this.eraseLine(this.cursorRow, numbers[0] ?? 0);
      default:
        this.passThrough.push(whole);
    }
  }

  /** The same SGR from the same pen comes on every frame: remember where it leads. */
  private setPen(params: string): void {
    const key = `${String(this.penId)};${params}`;
    let id = this.penAfter.get(key);
    if (id === undefined) {
      id = this.styles.id(applySgr(this.pen, params));
      this.penAfter.set(key, id);
    }
    this.penId = id;
    this.pen = this.styles.style(id);
  }

  private eraseLine(row: number, mode: number): void {
    const cells = this.rows[row];
    if (!cells) return;
    const from = mode === 0 ? this.cursorColumn : 0;
    const to = mode === 1 ? this.cursorColumn + 1 : this.columns;
    eraseCells(cells, from, to, this.eraseStyle());
  }

  private eraseDisplay(mode: number): void {
    const style = this.eraseStyle();
    const [first, last] =
      mode === 0
        ? [this.cursorRow + 1, this.height]
        : mode === 1
          ? [0, this.cursorRow]
          : [0, this.height];
    for (let row = first; row < last; row++)
      this.rows[row] = blankRow(this.columns, style);
    if (mode === 0 || mode === 1) this.eraseLine(this.cursorRow, mode);
  }
}
