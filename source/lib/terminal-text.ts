/**
 * Text from outside (tags, keys, object bodies, cells, server and remote
 * output) made harmless for a terminal: nothing in it can be interpreted as
 * a control. C0 and C1 controls, DEL and ESC are shown as `\xNN` (`\uNNNN`
 * for C1), so an OSC 52 in a tag shows as `\x1b]52;...` instead of writing
 * the clipboard; bidi controls, zero-width characters and line separators
 * are shown as `<U+202E>`, so `rm-prod` cannot pose as `dorp-mr`. Pure.
 */

/** Shown as `<U+XXXX>`: they reorder, hide or break the text around them. */
const INVISIBLE =
  /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** C0 (tab and newline included), DEL, C1. */
// eslint-disable-next-line no-control-regex -- matching controls is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Anything either pattern above would change: the common case skips the work. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching controls is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/;

const TAB_STOP = 8;

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

function controlText(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x80 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

function invisibleText(char: string): string {
  const code = char.charCodeAt(0);
  // A lone surrogate is no character at all: the replacement character says so.
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  return `<U+${hex(code, 4).toUpperCase()}>`;
}

/**
 * One line of outside text, safe to print. A tab becomes the spaces to the
 * next tab stop; every other control, newlines included, is shown.
 */
export function safeLine(text: string): string {
  if (!UNSAFE.test(text)) return text;
  let line = text;
  if (line.includes('\t')) {
    let column = 0;
    line = line.replace(/[^\t]*\t/g, (run) => {
      const before = run.length - 1;
      column += before;
      const pad = TAB_STOP - (column % TAB_STOP);
      column += pad;
      return run.slice(0, -1) + ' '.repeat(pad);
    });
  }
  return line.replace(CONTROLS, controlText).replace(INVISIBLE, invisibleText);
}

/** Several lines of outside text (a body, console output): split, then each made safe. */
export function safeLines(text: string): string[] {
  return text.split(/\r?\n/).map(safeLine);
}

/** True when the text would be shown differently: it holds something a terminal acts on. */
export function needsEscaping(text: string): boolean {
  return UNSAFE.test(text) && safeLine(text) !== text;
}
