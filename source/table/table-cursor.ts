/**
 * Selection and scroll position of a table, kept by row ID so it survives a
 * refresh, a re-sort or a filter. Pure.
 */
import { moveSelection, reselect, scrollOffset } from './table-layout.js';

export interface TableCursor {
  readonly selectedId: string | undefined;
  /** Where the selection was, for when its row disappears. */
  readonly index: number;
  readonly offset: number;
}

export const START_CURSOR: TableCursor = {
  selectedId: undefined,
  index: 0,
  offset: 0,
};

export type CursorMove =
  'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown';

/** What each list command of the keymap does to a cursor. */
export const LIST_MOVES: Readonly<Record<string, CursorMove>> = {
  'list.up': 'up',
  'list.down': 'down',
  'list.top': 'top',
  'list.bottom': 'bottom',
  'list.pageUp': 'pageUp',
  'list.pageDown': 'pageDown',
};

/** The selection and first visible row for the rows now shown. */
export function placeCursor(
  cursor: TableCursor,
  ids: readonly string[],
  height: number,
): { index: number; offset: number } {
  const index = reselect(ids, cursor.selectedId, cursor.index);
  return {
    index,
    offset: scrollOffset(ids.length, index, height, cursor.offset),
  };
}

export function moveCursor(
  cursor: TableCursor,
  ids: readonly string[],
  height: number,
  move: CursorMove,
): TableCursor {
  const placed = placeCursor(cursor, ids, height);
  const index = moveSelection(ids.length, placed.index, move, height - 1);
  return {
    selectedId: ids[index],
    index,
    offset: scrollOffset(ids.length, index, height, placed.offset),
  };
}
