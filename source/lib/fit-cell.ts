/** One cell of text cut and padded to a width in terminal cells. Pure. */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/** Cuts text to width with an ellipsis and pads it, measured by display width. */
export function fitCell(
  text: string,
  width: number,
  options: { align?: 'left' | 'right'; ellipsis?: string } = {},
): string {
  if (width <= 0) return '';
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  const cut =
    stringWidth(clean) > width
      ? cliTruncate(clean, width, {
          position: 'end',
          truncationCharacter: options.ellipsis ?? '…',
        })
      : clean;
  const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
  return options.align === 'right' ? pad + cut : cut + pad;
}
