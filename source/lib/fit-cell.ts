/** One cell of text cut and padded to a width in terminal cells. Pure. */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/**
 * Cuts text to width with an ellipsis and pads it, measured by display width.
 * The ellipsis is the caller's glyph (the theme's), so --ascii reaches every cut.
 */
export function fitCell(
  text: string,
  width: number,
  options: { align?: 'left' | 'right' | undefined; ellipsis: string },
): string {
  if (width <= 0) return '';
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  const cut =
    stringWidth(clean) > width
      ? cliTruncate(clean, width, {
          position: 'end',
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
  if (stringWidth(pieces.join('')) <= width) return [...pieces];
  let room = Math.max(0, width - stringWidth(ellipsis));
  const fitted: string[] = [];
  for (const piece of pieces) {
    const pieceWidth = stringWidth(piece);
    if (pieceWidth > room) {
      fitted.push(`${fitCell(piece, room, { ellipsis: '' })}${ellipsis}`);
      return fitted;
    }
    fitted.push(piece);
    room -= pieceWidth;
  }
  return fitted;
}
