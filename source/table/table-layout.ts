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
}

export const COLUMN_GAP = 1;
const SAMPLE_ROWS = 1000;

/**
 * Column widths for the given total width. Each column starts at its content
 * width (title and up to SAMPLE_ROWS cells, capped by max); when that is too
 * wide, columns shrink towards min, and then the least important ones are
 * hidden (width 0). Spare room goes to growable columns.
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
    return Math.min(width, column.max ?? Number.POSITIVE_INFINITY);
  });
  const minimum = columns.map((column, index) =>
    Math.min(
      natural[index] ?? 0,
      column.min ?? Math.min(natural[index] ?? 0, 8),
    ),
  );

  const visible = columns.map(() => true);
  const used = (widths: number[]) => {
    const shown = widths.filter((_, index) => visible[index]);
    return (
      shown.reduce((sum, width) => sum + width, 0) +
      Math.max(0, shown.length - 1) * COLUMN_GAP
    );
  };
  // Drop columns, least important first, until the others fit with only the
  // growable (long text) columns cut: an ID or an IP cut short is worse than
  // a column left out.
  const fitsByGrowing = () =>
    used(
      natural.map((width, index) =>
        (columns[index]?.grow ?? 0) > 0 ? (minimum[index] ?? 0) : width,
      ),
    ) <= totalWidth;
  const dropOrder = columns
    .map((column, index) => ({ index, priority: column.priority ?? index }))
    .sort((a, b) => b.priority - a.priority || b.index - a.index);
  for (const { index } of dropOrder) {
    if (fitsByGrowing() || visible.filter(Boolean).length <= 1) break;
    visible[index] = false;
  }

  const widths = natural.map((width, index) => (visible[index] ? width : 0));
  let excess = used(widths) - totalWidth;
  // Shrink the widest growable column first, then the widest of the rest,
  // never below a column's minimum.
  const widestAbove = (growable: boolean) => {
    let widest = -1;
    for (let index = 0; index < widths.length; index++) {
      const width = widths[index] ?? 0;
      if (!visible[index] || width <= (minimum[index] ?? 0)) continue;
      if ((columns[index]?.grow ?? 0) > 0 !== growable) continue;
      if (widest === -1 || width > (widths[widest] ?? 0)) widest = index;
    }
    return widest;
  };
  while (excess > 0) {
    const growable = widestAbove(true);
    const widest = growable === -1 ? widestAbove(false) : growable;
    if (widest === -1) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    excess--;
  }

  // Spare room goes to growable columns by their share, each up to its
  // growMax; what none can take stays as a right margin.
  let spare = totalWidth - used(widths);
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
