/** How the MySQL pane shows values: cells, sizes, uptimes, accounts. Pure. */
import { formatBytes as formatByteSize } from '../../lib/byte-size.js';
import stringWidth from 'string-width';
import type { Glyphs } from '../../lib/charset.js';
import { safeLine } from '../../lib/terminal-text.js';
import type { Cell } from '../../mysql/mysql-values.js';

const NULL_TEXT = 'NULL';

/**
 * One cell as text: NULL distinct (the grid dims it), binary as hex, text
 * with its controls shown (a cell is outside text) and no longer than a
 * grid cell could show.
 */
export function cellText(cell: Cell, glyphs: Glyphs, limit = 200): string {
  if (cell === null) return NULL_TEXT;
  if (typeof cell === 'string') {
    const shown = cell.length > limit ? cell.slice(0, limit) : cell;
    return safeLine(shown.replace(/\r?\n/g, ' '));
  }
  const hex = `0x${cell.hex.slice(0, limit)}`;
  return cell.hex.length > limit
    ? `${hex}${glyphs.ellipsis} (${cell.bytes} B)`
    : hex;
}

/** Column widths of a result from its titles and cells, each at most `max`. */
export function gridWidths(
  titles: readonly string[],
  rows: readonly (readonly Cell[])[],
  glyphs: Glyphs,
  max = 32,
): number[] {
  return titles.map((title, index) => {
    let width = Math.max(4, stringWidth(title));
    for (const row of rows) {
      const cell = row[index];
      if (cell === undefined) continue;
      width = Math.max(width, stringWidth(cellText(cell, glyphs, 40)));
      if (width >= max) return max;
    }
    return width;
  });
}

export const formatBytes = (value: number) =>
  formatByteSize(value, { fractionDigits: 1 });

export const accountId = (row: { user: string; host: string }) =>
  `${row.user}@${row.host}`;

export function formatUptime(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days > 0
    ? `${days}d ${hours}h`
    : hours > 0
      ? `${hours}h ${minutes}m`
      : `${minutes}m ${seconds % 60}s`;
}
