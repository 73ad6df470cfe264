/**
 * The status line's text, wrapped: a message cut at the width hides the part
 * that matters (the count, the region, the fix). Notices take at most two
 * lines, errors more; what still does not fit is cut with a pointer to the
 * event log, which keeps the whole text. Pure.
 */
import { wrapLines } from '../lib/wrap-lines.js';
import { fitCell } from '../lib/fit-cell.js';
import type { StatusLevel } from './shell-state.js';

/** Lines a message may take, by level. */
const STATUS_LINES: Readonly<Record<StatusLevel, number>> = {
  info: 2,
  warn: 2,
  error: 4,
};

export function statusLines(
  text: string,
  options: {
    readonly level: StatusLevel;
    readonly glyph: string;
    readonly width: number;
    /** Fewer lines when the screen is short: the pane above keeps its rows. */
    readonly maxLines?: number;
    readonly ellipsis: string;
    /** Where the rest is: "! shows all". */
    readonly more: string;
  },
): string[] {
  const { width, ellipsis, more } = options;
  const limit = Math.max(
    1,
    Math.min(STATUS_LINES[options.level], options.maxLines ?? Infinity),
  );
  // Outside text can be megabytes: wrap only what could ever show.
  const room = limit * width * 2 + 64;
  const bounded = text.length > room ? text.slice(0, room) : text;
  const lines = wrapLines(bounded, width, {
    first: `${options.glyph} `,
    rest: '  ',
  });
  if (lines.length <= limit) return lines;
  const kept = lines.slice(0, limit);
  const tail = ` ${more}`;
  const last = kept[limit - 1] ?? '';
  kept[limit - 1] =
    fitCell(`${last} ${ellipsis}`, Math.max(1, width - tail.length), {
      ellipsis,
    }).trimEnd() + tail;
  return kept;
}
