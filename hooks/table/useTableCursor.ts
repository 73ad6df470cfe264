import { useState } from 'react';
import {
  moveCursor,
  placeCursor,
  START_CURSOR,
  type CursorMove,
} from '../../source/table/table-cursor.js';

export interface TableCursorPlace {
  /** The row under the cursor, by position in `ids`. */
  readonly index: number;
  /** The first visible row. */
  readonly offset: number;
  readonly move: (move: CursorMove) => void;
}

/**
 * The cursor of every table: it follows the highlighted row's ID through
 * refreshes, re-sorts and filters, and lands on the neighbour when its row
 * is gone. What is highlighted is what the cursor holds, even before the
 * first key: a row that arrives above it does not move the highlight.
 */
export function useTableCursor(
  ids: readonly string[],
  height: number,
): TableCursorPlace {
  const [cursor, setCursor] = useState(START_CURSOR);
  const { index, offset } = placeCursor(cursor, ids, height);
  const shownId = ids[index];
  // The highlight moved to another row (the first load, its row gone), or
  // its row moved: hold on to the row now highlighted and where it is now,
  // so that when it goes the neighbour is found where it was last seen.
  if (
    shownId !== undefined &&
    (shownId !== cursor.selectedId ||
      index !== cursor.index ||
      offset !== cursor.offset)
  )
    setCursor({ selectedId: shownId, index, offset });
  return {
    index,
    offset,
    move: (move) =>
      setCursor((current) => moveCursor(current, ids, height, move)),
  };
}
