import { wrapLines } from '../lib/wrap-lines.js';
import type { Tone } from '../lib/view-types.js';

export interface ViewLine {
  readonly text: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
}

/** The glyphs the lines use; the theme's (Unicode or ASCII). */
export interface ViewGlyphs {
  readonly ok: string;
  readonly error: string;
  readonly warn: string;
  readonly info: string;
  readonly dot: string;
  readonly ellipsis: string;
  readonly barFull: string;
  readonly barEmpty: string;
}

/** Text wrapped to the width, every line in one tone; `first` prefixes the first line. */
export function toneLines(
  text: string,
  width: number,
  tone?: Tone,
  first = '',
): ViewLine[] {
  return wrapLines(text, width, { first }).map((line) => ({
    text: line,
    ...(tone === undefined ? {} : { tone }),
  }));
}
