/**
 * Key names: one normalised string per key press, so bindings are plain data
 * ('j', 'G', 'ctrl+c', 'pagedown', 'enter', 'escape', 'shift+tab', 'space').
 */

/** The subset of Ink's `Key` object that names a key; kept here so source/ stays free of Ink. */
export interface KeyFlags {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageDown: boolean;
  pageUp: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

const NAMED: [keyof KeyFlags, string][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'escape'],
  ['backspace', 'backspace'],
  ['delete', 'delete'],
];

/** Turns one Ink input event into a key name, or undefined for pasted text. */
export function keyName(input: string, key: KeyFlags): string | undefined {
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  for (const [flag, name] of NAMED) {
    if (key[flag]) return name;
  }
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  if (key.meta && input.length === 1) return `meta+${input}`;
  // Several characters at once is a paste or a burst: not a key press.
  if ([...input].length === 1) return input;
  return undefined;
}

/** How a key name is shown to people in hints and help. */
export function displayKey(name: string): string {
  const labels: Record<string, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    pageup: 'PgUp',
    pagedown: 'PgDn',
    home: 'Home',
    end: 'End',
    enter: 'Enter',
    escape: 'Esc',
    tab: 'Tab',
    'shift+tab': 'S-Tab',
    space: 'Space',
    backspace: 'Bksp',
    delete: 'Del',
  };
  const label = labels[name];
  if (label !== undefined) return label;
  if (name.startsWith('ctrl+')) return `Ctrl+${name.slice(5).toUpperCase()}`;
  return name;
}

/** ASCII fallbacks for the arrow glyphs. */
export function displayKeyAscii(name: string): string {
  const ascii: Record<string, string> = {
    up: 'Up',
    down: 'Down',
    left: 'Left',
    right: 'Right',
  };
  return ascii[name] ?? displayKey(name);
}
