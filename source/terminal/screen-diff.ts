/**
 * The bytes that turn the screen a terminal shows into the one the model
 * holds: only the runs of cells that changed, each reached by the shortest
 * cursor move, with the fewest SGR changes. Never a line feed and never a
 * write past the last column, so the terminal cannot scroll.
 */
import { blankRow, sameCell, type Row } from './screen-grid.js';
import type { ScreenModel } from './screen-model.js';
import { sgrReset, sgrTransition, type StyleTable } from './sgr.js';

/** What the terminal is known to be in; -1 or undefined where it is not known. */
export interface TerminalState {
  row: number;
  column: number;
  style: number | undefined;
  cursorVisible: boolean | undefined;
}

export function unknownTerminal(): TerminalState {
  return { row: -1, column: -1, style: undefined, cursorVisible: undefined };
}

/** Unchanged cells this short between two runs are rewritten rather than skipped. */
const GAP = 4;
/** A blank tail at least this long is erased (CSI K) rather than written. */
const ERASE_AT = 4;

function moveCursor(state: TerminalState, row: number, column: number): string {
  if (state.row === row && state.column === column) return '';
  const absolute =
    row === 0 && column === 0
      ? '\u001B[H'
      : `\u001B[${String(row + 1)};${String(column + 1)}H`;
  let move = absolute;
  if (state.row === row && state.column >= 0) {
    const step = column - state.column;
    const relative =
      step > 0
        ? `\u001B[${step === 1 ? '' : String(step)}C`
        : `\u001B[${String(column + 1)}G`;
    if (relative.length < move.length) move = relative;
  }
  state.row = row;
  state.column = column;
  return move;
}

function setStyle(
  state: TerminalState,
  styles: StyleTable,
  style: number,
): string {
  if (state.style === style) return '';
  const from = state.style;
  state.style = style;
  const to = styles.style(style);
  return from === undefined
    ? sgrReset(to)
    : sgrTransition(styles.style(from), to);
}

/** Changed column ranges [start, end] of one row, widened to whole wide characters. */
function changedRuns(before: Row, after: Row): [number, number][] {
  const runs: [number, number][] = [];
  for (let column = 0; column < after.length; column++) {
    if (sameCell(before[column], after[column])) continue;
    let start = column;
    if (before[start]?.width === 0 || after[start]?.width === 0) start--;
    let end = column;
    while (end + 1 < after.length && !sameCell(before[end + 1], after[end + 1]))
      end++;
    if (before[end]?.width === 2 || after[end]?.width === 2) end++;
    const last = runs.at(-1);
    if (last && start - last[1] <= GAP) last[1] = Math.max(last[1], end);
    else runs.push([Math.max(0, start), end]);
    column = end;
  }
  return runs;
}

/** The first column from which the row is blank in the plain style. */
function blankTail(row: Row): number {
  let column = row.length;
  while (
    column > 0 &&
    row[column - 1]?.text === ' ' &&
    row[column - 1]?.style === 0
  )
    column--;
  return column;
}

function paintRow(
  before: Row,
  after: Row,
  index: number,
  state: TerminalState,
  styles: StyleTable,
): string {
  const out: string[] = [];
  const tail = blankTail(after);
  for (const [start, end] of changedRuns(before, after)) {
    const eraseFrom = Math.max(start, tail);
    const erase = end >= tail && after.length - eraseFrom >= ERASE_AT;
    const stop = erase ? eraseFrom - 1 : end;
    out.push(moveCursor(state, index, start));
    for (let column = start; column <= stop; column++) {
      const cell = after[column];
      if (!cell || cell.width === 0) continue;
      out.push(setStyle(state, styles, cell.style), cell.text);
      state.column += cell.width;
    }
    if (state.column >= after.length) state.column = -1; // the wrap is pending: move absolutely next
    if (erase) {
      out.push(
        moveCursor(state, index, eraseFrom),
        setStyle(state, styles, 0),
        '\u001B[K',
      );
      break;
    }
  }
  return out.join('');
}

/**
 * Paints `model` over `shown` (what the terminal shows now), or over a
 * cleared screen when `shown` is undefined; returns the bytes to write.
 */
export function paintDiff(
  shown: readonly Row[] | undefined,
  model: ScreenModel,
  state: TerminalState,
): string {
  const out: string[] = [];
  let base = shown;
  if (!base) {
    out.push('\u001B[m\u001B[H\u001B[2J');
    Object.assign(state, { row: 0, column: 0, style: 0 });
    base = model.rows.map(() => blankRow(model.columns));
  }
  model.rows.forEach((row, index) => {
    out.push(paintRow(base[index] ?? [], row, index, state, model.styles));
  });
  if (model.cursorVisible)
    out.push(moveCursor(state, model.cursorRow, model.cursorColumn));
  if (state.cursorVisible !== model.cursorVisible) {
    out.push(model.cursorVisible ? '\u001B[?25h' : '\u001B[?25l');
    state.cursorVisible = model.cursorVisible;
  }
  return out.join('');
}
