/** Detail sections as wrapped lines for a scrolling view. Pure. */
import { safeLine } from '../lib/terminal-text.js';
import { cellWidth, wrapToWidth } from '../lib/wrap-width.js';
import type { DetailSection } from '../lib/view-types.js';

export interface DetailLine {
  readonly text: string;
  readonly heading?: boolean;
}

/** "Key   value" lines; long values wrap under themselves, never off screen. */
export function detailLines(
  sections: readonly DetailSection[],
  width: number,
): DetailLine[] {
  const lines: DetailLine[] = [];
  for (const section of sections) {
    if (lines.length > 0) lines.push({ text: '' });
    lines.push({ text: safeLine(section.title), heading: true });
    // Keys and values may come from outside: shown safe before they are measured.
    const rows = section.rows.map(
      ([key, value]) => [safeLine(key), value] as const,
    );
    const keyWidth = Math.min(
      28,
      Math.max(0, ...rows.map(([key]) => cellWidth(key))) + 2,
    );
    const valueWidth = Math.max(10, width - keyWidth - 2);
    for (const [key, value] of rows) {
      const pieces = wrap(value === '' ? '-' : value, valueWidth);
      pieces.forEach((piece, index) => {
        const label = index === 0 ? key : '';
        lines.push({ text: `  ${label.padEnd(keyWidth)}${piece}` });
      });
    }
  }
  return lines;
}

function wrap(text: string, width: number): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((paragraph) => wrapToWidth(safeLine(paragraph), width));
}
