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

/** Arrow keys by their glyphs, and by name where glyphs are not wanted (--ascii). */
const ARROWS: Readonly<Record<string, { glyph: string; word: string }>> = {
  up: { glyph: '↑', word: 'Up' },
  down: { glyph: '↓', word: 'Down' },
  left: { glyph: '←', word: 'Left' },
  right: { glyph: '→', word: 'Right' },
};

const LABELS: Readonly<Record<string, string>> = {
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

/** How keys are shown to people in hints and help. */
export interface KeyLabels {
  /** A key name's label: "↑" (or "Up"), "PgDn", "Ctrl+R". */
  readonly key: (name: string) => string;
  /** Text that names arrow keys by their glyphs (a binding's description), in these labels. */
  readonly text: (text: string) => string;
}

export function keyLabels(ascii: boolean): KeyLabels {
  const arrow = (name: string) => {
    const found = ARROWS[name];
    return found && (ascii ? found.word : found.glyph);
  };
  return {
    key: (name) => {
      const label = arrow(name) ?? LABELS[name];
      if (label !== undefined) return label;
      if (name.startsWith('ctrl+'))
        return `Ctrl+${name.slice(5).toUpperCase()}`;
      return name;
    },
    text: (text) =>
      ascii
        ? Object.values(ARROWS).reduce(
            (result, { glyph, word }) => result.replaceAll(glyph, word),
            text,
          )
        : text,
  };
}
