/** One cell of text cut and padded to a width in terminal cells. Pure. */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import { safeLine } from './terminal-text.js';
import { cellWidth } from './wrap-width.js';

/**
 * Cuts text to width with an ellipsis and pads it, measured by display width.
 * The ellipsis is the caller's glyph (the theme's), so --ascii reaches every cut.
 * Outside text is made safe here too (controls shown, never sent), and only
 * as much of it is measured as could ever show.
 */
export function fitCell(
  text: string,
  width: number,
  options: {
    align?: 'left' | 'right' | undefined;
    ellipsis: string;
    /** Where the text is cut: at the end (the default) or in the middle. */
    position?: 'end' | 'middle' | undefined;
  },
): string {
  if (width <= 0) return '';
  // No character is narrower than zero or wider than two cells: this much is enough.
  const limit = width * 2 + 64;
  const bounded = text.length > limit ? text.slice(0, limit) : text;
  const clean = safeLine(bounded.replace(/\r?\n/g, ' '));
  const cut =
    stringWidth(clean) > width
      ? cliTruncate(clean, width, {
          position: options.position ?? 'end',
          truncationCharacter: options.ellipsis,
        })
      : clean;
  const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
  return options.align === 'right' ? pad + cut : cut + pad;
}

/**
 * Pieces of one line (styled apart) cut to width as the whole line would be:
 * the ellipsis at the cut, the pieces after it dropped. Ink's own truncation
 * would add a "…" of its own, whatever the theme.
 */
export function fitPieces(
  pieces: readonly string[],
  width: number,
  ellipsis: string,
): string[] {
  const safe = pieces.map(safeLine);
  if (cellWidth(safe.join('')) <= width) return safe;
  let room = Math.max(0, width - stringWidth(ellipsis));
  const fitted: string[] = [];
  for (const piece of safe) {
    const pieceWidth = cellWidth(piece);
    if (pieceWidth > room) {
      fitted.push(`${fitCell(piece, room, { ellipsis: '' })}${ellipsis}`);
      return fitted;
    }
    fitted.push(piece);
    room -= pieceWidth;
  }
  return fitted;
}
