/**
 * Word wrap for dialog text (warnings, hints, errors): a warning cut off with
 * "…" at 80 columns hides the part that matters. Pure; widths in cells.
 */
import stringWidth from 'string-width';
import { fitCell } from './fit-cell.js';
import { safeLine } from './terminal-text.js';

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
  const hanging = indent.rest ?? ' '.repeat(stringWidth(first));
  // An indent that leaves no room for text would never make progress.
  const rest = stringWidth(hanging) < width ? hanging : '';
  const lines: string[] = [];
  let line = first;
  let empty = true;
  // Outside text wraps like any other, its controls shown, never sent.
  const words = text.split(/\s+/).filter((part) => part !== '');
  for (const word of words.map(safeLine)) {
    const joined = empty ? `${line}${word}` : `${line} ${word}`;
    if (stringWidth(joined) <= width) {
      line = joined;
      empty = false;
      continue;
    }
    if (!empty) lines.push(line);
    line = `${lines.length === 0 && empty ? first : rest}${word}`;
    empty = false;
    // A word wider than a whole line is cut rather than overflowing.
    while (stringWidth(line) > width && width > 0) {
      const head = fitCell(line, width, { ellipsis: '' }).trimEnd();
      if (head.length <= rest.length) break;
      lines.push(head);
      line = `${rest}${line.slice(head.length)}`;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}
