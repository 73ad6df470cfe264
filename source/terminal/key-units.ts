/**
 * Splits raw terminal input into key presses. Escape sequences stay whole;
 * control characters (Enter, Tab, Backspace, Ctrl+X) are always on their own;
 * printable text is one unit per character, or one run while a text field
 * has focus (so a paste is inserted in one go). Pure.
 */
const ESC = '\u001B';

function isFinalByte(code: number): boolean {
  return code >= 0x40 && code <= 0x7e;
}

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

function escapeUnit(buffer: string): number {
  const kind = buffer[1];
  if (kind === undefined) return 1;
  if (kind === '[') {
    // CSI: parameters and intermediates up to a final byte; ESC[[A is a legacy form.
    let index = 2;
    if (buffer[index] === '[') index++;
    for (; index < buffer.length; index++) {
      const code = buffer.charCodeAt(index);
      if (isFinalByte(code)) return index + 1;
      if (code === 0x1b) return index;
    }
    return buffer.length;
  }
  if (kind === 'O') return Math.min(3, buffer.length);
  // ESC then a printable key is Escape and that key, pressed quickly (the
  // usual case over SSH); opsdeck binds no Alt+key, so nothing is lost.
  const code = buffer.codePointAt(1) ?? 0;
  if (kind === ESC || !isControl(code)) return 1;
  return 2;
}

/** Length of the first key press in the buffer (at least 1 when it is not empty). */
export function firstUnitLength(buffer: string, textMode: boolean): number {
  if (buffer === '') return 0;
  if (buffer.startsWith(ESC)) return escapeUnit(buffer);
  const first = buffer.codePointAt(0) ?? 0;
  if (isControl(first)) return 1;
  const firstLength = first > 0xffff ? 2 : 1;
  if (!textMode) return firstLength;
  let index = firstLength;
  while (index < buffer.length) {
    const code = buffer.codePointAt(index) ?? 0;
    if (isControl(code)) break;
    index += code > 0xffff ? 2 : 1;
  }
  return index;
}

export function splitUnits(buffer: string, textMode: boolean): string[] {
  const units: string[] = [];
  let rest = buffer;
  while (rest !== '') {
    const length = firstUnitLength(rest, textMode);
    units.push(rest.slice(0, length));
    rest = rest.slice(length);
  }
  return units;
}
