/**
 * A headless xterm's screen cell by cell, attributes included, so two
 * terminals (one fed whole frames, one fed diffs) can be compared exactly.
 */
import xterm from '@xterm/headless';
import stringWidth from 'string-width';

type Terminal = InstanceType<typeof xterm.Terminal>;

/** One string per row: each cell's characters, then its colours and flags where they are not plain. */
export function screenCells(terminal: Terminal): string[] {
  const buffer = terminal.buffer.active;
  const cell = buffer.getNullCell();
  const rows: string[] = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    const cells: string[] = [];
    for (let column = 0; column < terminal.cols; column++) {
      line?.getCell(column, cell);
      const flags = [
        cell.isBold() && 'b',
        cell.isDim() && 'd',
        cell.isItalic() && 'i',
        cell.isUnderline() && 'u',
        cell.isInverse() && 'r',
        cell.isStrikethrough() && 's',
        cell.isInvisible() && 'h',
      ]
        .filter(Boolean)
        .join('');
      const fg = cell.isFgDefault()
        ? ''
        : `f${String(cell.getFgColorMode())}:${String(cell.getFgColor())}`;
      const bg = cell.isBgDefault()
        ? ''
        : `g${String(cell.getBgColorMode())}:${String(cell.getBgColor())}`;
      const style = fg + bg + flags;
      const text = cell.getWidth() === 0 ? '' : cell.getChars() || ' ';
      cells.push(style ? `${text}{${style}}` : text);
    }
    rows.push(cells.join(''));
  }
  return rows;
}

function wcwidth(codePoint: number): 0 | 1 | 2 {
  return Math.min(2, stringWidth(String.fromCodePoint(codePoint))) as 0 | 1 | 2;
}

/**
 * Character widths as today's terminals count them (tmux, and emulators on
 * Unicode 9 or later: emoji are wide); xterm's built-in table is Unicode 6.
 */
const MODERN_WIDTHS = {
  version: 'modern',
  wcwidth,
  charProperties(codePoint: number, preceding: number): number {
    let width: number = wcwidth(codePoint);
    // Packed as xterm's UnicodeService does: width in bits 1-2, join in bit 0.
    let join = width === 0 && preceding !== 0;
    if (join) {
      const before = (preceding >> 1) & 3;
      if (before === 0) join = false;
      else width = Math.max(width, before);
    }
    return (width << 1) | (join ? 1 : 0);
  },
};

/** A terminal behind a pty: a line feed also returns the carriage (ONLCR). */
export function headlessTerminal(columns: number, rows: number): Terminal {
  const terminal = new xterm.Terminal({
    cols: columns,
    rows,
    allowProposedApi: true,
    convertEol: true,
  });
  useModernWidths(terminal);
  return terminal;
}

function useModernWidths(terminal: Terminal): void {
  terminal.unicode.register(MODERN_WIDTHS);
  terminal.unicode.activeVersion = MODERN_WIDTHS.version;
}

export function feed(terminal: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => terminal.write(data, resolve));
}
