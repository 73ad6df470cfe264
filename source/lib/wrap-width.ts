/**
 * Measuring and wrapping by display width in one pass. Outside text can be
 * one line of megabytes (a minified JSON, a binary read as text), and both
 * re-measuring the rest of a line per output line and grapheme segmentation
 * of a long string (Intl.Segmenter) are quadratic: either froze the console.
 * Code points are measured one by one instead; a combining mark is zero
 * cells and stays with the character before it. Pure.
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function pointWidth(point: string): number {
  const code = point.codePointAt(0) ?? 0;
  return code >= 0x20 && code < 0x7f ? 1 : stringWidth(point);
}

/** The width of text in terminal cells, in linear time. */
export function cellWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let cells = 0;
  for (const point of text) cells += pointWidth(point);
  return cells;
}

/**
 * Lines of at most `width` cells. A break goes after the last space of a line
 * when that space is past its middle (so words stay whole where they can);
 * otherwise the line is cut where it is full.
 */
export function wrapToWidth(text: string, width: number): string[] {
  if (width <= 0 || text === '') return [text];
  if (text.length <= width && PRINTABLE_ASCII.test(text)) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // Where the last space of `line` is, and the width before it.
  let space = -1;
  let widthAtSpace = 0;
  for (const point of text) {
    const cells = pointWidth(point);
    if (used + cells > width && line !== '') {
      if (space >= 0 && widthAtSpace > width / 2) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
        used -= widthAtSpace + 1;
      } else {
        lines.push(line);
        line = '';
        used = 0;
      }
      space = -1;
    }
    // A break eats the space it happens at.
    if (line === '' && point === ' ' && lines.length > 0) continue;
    if (point === ' ') {
      space = line.length;
      widthAtSpace = used;
    }
    line += point;
    used += cells;
  }
  lines.push(line);
  return lines;
}
