/**
 * Word wrap for dialog text (warnings, hints, errors): a warning cut off with
 * "…" at 80 columns hides the part that matters. Pure; widths in cells.
 */
import { safeLine } from './terminal-text.js';
import { cellWidth, wrapToWidth } from './wrap-width.js';

/**
 * Lines of at most `width` cells. The first line starts with `first`, the
 * rest with `rest` (a hanging indent); a word longer than a line is cut.
 */
export function wrapLines(
  text: string,
  width: number,
  indent: { first?: string; rest?: string } = {},
): string[] {
  const first = indent.first ?? '';
  const hanging = indent.rest ?? ' '.repeat(cellWidth(first));
  // An indent that leaves no room for text would never make progress.
  const rest = cellWidth(hanging) < width ? hanging : '';
  const lines: string[] = [];
  let line = first;
  let empty = true;
  // Outside text wraps like any other, its controls shown, never sent.
  const words = text.split(/\s+/).filter((part) => part !== '');
  for (const word of words.map(safeLine)) {
    const joined = empty ? `${line}${word}` : `${line} ${word}`;
    if (cellWidth(joined) <= width) {
      line = joined;
      empty = false;
      continue;
    }
    if (!empty) lines.push(line);
    const lead = lines.length === 0 && empty ? first : rest;
    line = `${lead}${word}`;
    empty = false;
    // A word wider than a whole line is cut rather than overflowing.
    const indentWidth = Math.max(cellWidth(lead), cellWidth(rest));
    if (cellWidth(line) > width && width > indentWidth) {
      const pieces = wrapToWidth(word, width - indentWidth);
      const last = pieces.pop() ?? '';
      lines.push(
        ...pieces.map((piece, index) => (index === 0 ? lead : rest) + piece),
      );
      line = `${pieces.length === 0 ? lead : rest}${last}`;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
