/**
 * Pure layout of the windowed table: which rows are visible, how wide each
 * column is, how a cell is cut to fit. Widths are measured with string-width
 * so wide characters (CJK, emoji) never break the grid.
 */
import stringWidth from 'string-width';
import { cellWidth } from '../lib/wrap-width.js';

export interface ColumnLayoutSpec {
  readonly title: string;
  /** Narrowest useful width; the column is dropped rather than squeezed below it. */
  readonly min?: number;
  /** Widest it should grow to when there is room. */
  readonly max?: number;
  /** Share of spare width (0 = never grows past its content). */
  readonly grow?: number;
  /** Widest it grows to from spare room; unset grows without limit. */
  readonly growMax?: number;
  /** Lower numbers are dropped last when the terminal is narrow. */
  readonly priority?: number;
  /** Where a cell too long for the column loses its text; see cutPosition. */
  readonly cut?: CutPosition;
}

export type CutPosition = 'end' | 'middle';

/**
 * Long text (names, keys) is cut in the middle, so names that differ only at
 * the end (bar-web-1, bar-web-2) still look different: bar-w…b-1.
 */
export function cutPosition(column: ColumnLayoutSpec): CutPosition {
  return column.cut ?? (growable(column) ? 'middle' : 'end');
}

export const COLUMN_GAP = 1;

function growable(column: ColumnLayoutSpec): boolean {
  return (column.grow ?? 0) > 0;
}

/** A column's priority; unset, its position (earlier columns matter more). */
function priorityOf(column: ColumnLayoutSpec, index: number): number {
  return column.priority ?? index;
}
const SAMPLE_ROWS = 1000;

/**
 * Column widths for the given total width. Each column starts at its content
 * width (title and up to SAMPLE_ROWS cells, capped by max; a growable column
 * also by growMax). When that is too wide, the least important columns give
 * way first, a priority level at a time: its growable columns shrink towards
 * their minimum, then its columns are hidden (width 0). So the name (the
 * first priority) is cut only when nothing less important is left to give.
 * Spare room goes to growable columns.
 */
export function fitColumns(
  columns: readonly ColumnLayoutSpec[],
  cellTexts: readonly (readonly string[])[],
  totalWidth: number,
): number[] {
  const natural = columns.map((column, index) => {
    // One more than the title: room for the sort arrow.
    let width = stringWidth(column.title) + 1;
    const limit = Math.min(cellTexts.length, SAMPLE_ROWS);
    for (let row = 0; row < limit; row++) {
      const text = cellTexts[row]?.[index] ?? '';
      // A column is never wider than a screen: measure no more than that.
      width = Math.max(width, cellWidth(text.slice(0, 512)));
    }
    const cap = growable(column)
      ? Math.min(column.max ?? Infinity, column.growMax ?? Infinity)
      : (column.max ?? Infinity);
    return Math.min(width, cap);
  });
  const minimum = columns.map((column, index) =>
    Math.min(
      natural[index] ?? 0,
      column.min ?? Math.min(natural[index] ?? 0, 8),
    ),
  );

  const widths = [...natural];
  const used = () => {
    const shown = widths.filter((width) => width > 0);
    return (
      shown.reduce((sum, width) => sum + width, 0) +
      Math.max(0, shown.length - 1) * COLUMN_GAP
    );
  };
  const levels = [...new Set(columns.map(priorityOf))].sort((a, b) => b - a);
  for (const level of levels) {
    if (used() <= totalWidth) break;
    // Later columns give way before earlier ones of the same priority.
    const members = columns
      .map((column, index) => ({ column, index }))
      .filter(({ column, index }) => priorityOf(column, index) === level)
      .reverse();
    const flexible = members.filter(({ column }) => growable(column));
    const fixed = members.filter(({ column }) => !growable(column));
    for (const { index } of flexible) {
      const give = Math.min(
        used() - totalWidth,
        (widths[index] ?? 0) - (minimum[index] ?? 0),
      );
      if (give > 0) widths[index] = (widths[index] ?? 0) - give;
    }
    for (const { index } of [...fixed, ...flexible]) {
      if (used() <= totalWidth) break;
      if (widths.filter((width) => width > 0).length <= 1) break;
      widths[index] = 0;
    }
  }
  // One column left and still too wide: it is cut to the screen.
  const excess = used() - totalWidth;
  if (excess > 0) {
    const last = widths.findIndex((width) => width > 0);
    if (last !== -1) widths[last] = Math.max(0, (widths[last] ?? 0) - excess);
  }
  const visible = widths.map((width) => width > 0);

  // Spare room goes to growable columns by their share, each up to its
  // growMax; what none can take stays as a right margin.
  let spare = totalWidth - used();
  const room = (index: number) =>
    (columns[index]?.growMax ?? Number.POSITIVE_INFINITY) -
    (widths[index] ?? 0);
  for (;;) {
    const growers = columns
      .map((column, index) => ({
        index,
        grow: visible[index] ? (column.grow ?? 0) : 0,
      }))
      .filter((entry) => entry.grow > 0 && room(entry.index) > 0);
    const totalGrow = growers.reduce((sum, entry) => sum + entry.grow, 0);
    if (spare <= 0 || totalGrow === 0) break;
    let given = 0;
    for (const entry of growers) {
      const extra = Math.min(
        room(entry.index),
        Math.max(1, Math.floor((spare * entry.grow) / totalGrow)),
        spare - given,
      );
      widths[entry.index] = (widths[entry.index] ?? 0) + extra;
      given += extra;
    }
    if (given === 0) break;
    spare -= given;
  }
  return widths;
}

/**
 * The first visible row, derived from the previous one so the selection stays
 * on screen without the view jumping.
 */
export function scrollOffset(
  count: number,
  selected: number,
  height: number,
  previous: number,
): number {
  if (height <= 0 || count <= height) return 0;
  let offset = Math.min(Math.max(previous, 0), count - height);
  if (selected < offset) offset = selected;
  else if (selected >= offset + height) offset = selected - height + 1;
  return Math.max(0, offset);
}

/** Where the selection lands after a movement, clamped to the list. */
export function moveSelection(
  count: number,
  selected: number,
  move: 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown',
  page: number,
): number {
  if (count === 0) return 0;
  const step = Math.max(1, page);
  const target = {
    up: selected - 1,
    down: selected + 1,
    top: 0,
    bottom: count - 1,
    pageUp: selected - step,
    pageDown: selected + step,
  }[move];
  return Math.min(Math.max(target, 0), count - 1);
}

/** Index of the previously selected row after the rows changed; falls back to the old position. */
export function reselect(
  ids: readonly string[],
  selectedId: string | undefined,
  previousIndex: number,
): number {
  if (selectedId !== undefined) {
    const index = ids.indexOf(selectedId);
    if (index !== -1) return index;
  }
  return Math.min(Math.max(previousIndex, 0), Math.max(0, ids.length - 1));
}
