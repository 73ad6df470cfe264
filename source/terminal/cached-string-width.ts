/**
 * string-width, faster where Ink spends its time. Beyond printable ASCII,
 * string-width segments graphemes with Intl.Segmenter and runs Unicode
 * property regexes: its first such call compiles them (over 100 ms on a slow
 * machine, before the first frame), and each later one costs far more than a
 * lookup. Ink measures every line of every frame, and the console's frame is
 * full of box-drawing glyphs, arrows and ellipses. The build (build.mjs) sends
 * every import of string-width here.
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
  const width = stringWidth(text);
  if (widths.size >= LIMIT) widths.clear();
  widths.set(text, width);
  return width;
}
