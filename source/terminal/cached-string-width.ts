/**
 * string-width, faster where Ink spends its time. Beyond printable ASCII,
 * string-width segments graphemes with Intl.Segmenter and runs Unicode
 * property regexes: its first such call compiles them (over 100 ms on a slow
 * machine, before the first frame), and each later one costs far more than a
 * lookup. Ink measures every line of every frame, and the console's frame is
 * full of box-drawing glyphs, arrows and ellipses. The build (build.mjs) sends
 * every import of string-width here.
 *
 * Ink measures styled text too (the header, the footer's key hints): those
 * lines hold SGR sequences, which string-width strips before it measures.
 * Stripping them here first keeps such a line off string-width's slow path:
 * the first frame's first styled line otherwise pays for compiling its
 * Unicode property regexes (tens of ms even on a quiet machine).
 */
import stringWidth from 'string-width';

type Options = Parameters<typeof stringWidth>[1];

/**
 * Characters that are one column each and never join a neighbour into one
 * grapheme: printable ASCII, Latin letters and spacing modifiers, general
 * punctuation, arrows, box drawing and block elements (not U+00AD, a soft
 * hyphen, which has no width). Checked one by one against string-width in the
 * tests.
 */
const ONE_COLUMN_EACH =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u259F]*$/;

/**
 * Select Graphic Rendition (colour, bold, dim): CSI, digits and semicolons,
 * then `m`. string-width's ANSI pattern takes exactly these characters too,
 * and they have no width.
 */
// eslint-disable-next-line no-control-regex -- matching the escape is the point
const SGR = /\u001B\[[0-9;]*m/g;

/** Enough for every distinct line of many frames; cleared whole when full. */
const LIMIT = 20_000;
const widths = new Map<string, number>();

export default function cachedStringWidth(
  text: string,
  options?: Options,
): number {
  if (options !== undefined && Object.keys(options).length > 0)
    return stringWidth(text, options);
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  const known = widths.get(text);
  if (known !== undefined) return known;
  const plain = text.includes('\u001B') ? text.replace(SGR, '') : undefined;
  // Anything left that is not plain (another escape, a wide glyph, an emoji)
  // is string-width's to measure.
  const width =
    plain !== undefined && ONE_COLUMN_EACH.test(plain)
      ? plain.length
      : stringWidth(text);
  if (widths.size >= LIMIT) widths.clear();
  widths.set(text, width);
  return width;
}
