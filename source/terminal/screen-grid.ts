/**
 * A screen as cells, written the way a terminal writes them: a wide character
 * takes its cell and a continuation cell after it, overwriting half of one
 * blanks the other half, and a character that does not fit on the line wraps.
 */
import stringWidth from 'string-width';

export interface Cell {
  /** The characters shown ('' in the cell after a wide character). */
  readonly text: string;
  /** 1, 2 for a wide character, 0 for the cell after one. */
  readonly width: 0 | 1 | 2;
  /** A number from the StyleTable. */
  readonly style: number;
}

export type Row = Cell[];

const BLANK_PLAIN: Cell = { text: ' ', width: 1, style: 0 };

function blankCell(style: number): Cell {
  return style === 0 ? BLANK_PLAIN : { text: ' ', width: 1, style };
}

export function blankRow(columns: number, style = 0): Row {
  return Array.from({ length: columns }, () => blankCell(style));
}

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  return a?.text === b?.text && a?.style === b?.style;
}

const widths = new Map<number, number>();

/** Columns one code point takes, as the terminal counts them. */
export function codePointWidth(char: string): 0 | 1 | 2 {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return 1;
  let width = widths.get(code);
  if (width === undefined) {
    width = Math.min(2, stringWidth(char));
    widths.set(code, width);
  }
  return width as 0 | 1 | 2;
}

/** Blanks the halves of wide characters that lost their other half at `column`. */
function mendWide(row: Row, column: number): void {
  const cell = row[column];
  if (cell?.width === 0) {
    const lead = row[column - 1];
    if (lead?.width === 2) row[column - 1] = blankCell(lead.style);
  }
  const next = row[column + 1];
  if (cell?.width === 2 && next?.width === 0)
    row[column + 1] = blankCell(next.style);
}

/** Narrow ASCII cells by style and code: every frame writes the same few again. */
const asciiCells: Cell[][] = [];

function narrowCell(text: string, style: number): Cell {
  const code = text.length === 1 ? text.charCodeAt(0) : 0;
  if (code < 0x20 || code >= 0x7f) return { text, width: 1, style };
  const byCode = (asciiCells[style] ??= []);
  return (byCode[code] ??= { text, width: 1, style });
}

/** Puts a character of `width` 1 or 2 at `column`; the caller has checked it fits. */
export function putCell(
  row: Row,
  column: number,
  text: string,
  width: 1 | 2,
  style: number,
): void {
  mendWide(row, column);
  if (width === 2) mendWide(row, column + 1);
  row[column] = width === 1 ? narrowCell(text, style) : { text, width, style };
  if (width === 2) row[column + 1] = { text: '', width: 0, style };
  // Overwriting a wide lead with a narrow cell leaves its continuation orphaned.
  const after = row[column + width];
  if (after?.width === 0) row[column + width] = blankCell(after.style);
}

/** Adds a zero-width code point (a combining mark) to the cell before `column`. */
export function joinCell(row: Row, column: number, text: string): void {
  let at = column - 1;
  if (row[at]?.width === 0) at--;
  const cell = row[at];
  if (!cell) return;
  row[at] = { ...cell, text: cell.text + text };
}

/** Erases columns [from, to) with the background of `style`, as EL/ED do. */
export function eraseCells(
  row: Row,
  from: number,
  to: number,
  style: number,
): void {
  if (from >= to) return;
  mendWide(row, from);
  mendWide(row, to - 1);
  for (let column = from; column < to && column < row.length; column++)
    row[column] = blankCell(style);
}
