/**
 * Semantic colours and glyphs. Components ask for a meaning (status.error,
 * ui.focus, tone 'ok'), never a colour. NO_COLOR drops every colour, and
 * --ascii swaps every non-ASCII glyph, for terminals and fonts that lack them.
 */
import { createContext, useContext } from 'react';
import { keyLabels, type KeyLabels } from '../source/keymap/index.js';
import type { Tone } from '../source/lib/view-types.js';

export interface Glyphs {
  readonly rule: string;
  readonly ellipsis: string;
  readonly error: string;
  readonly warn: string;
  readonly info: string;
  readonly ok: string;
  readonly mark: string;
  readonly up: string;
  readonly down: string;
  readonly separator: string;
  readonly barFull: string;
  readonly barEmpty: string;
  readonly cursor: string;
  /** Separates parts of a line: "Regions (3) · filter eu". */
  readonly dot: string;
  /** Masks a typed secret. */
  readonly secret: string;
  readonly upDown: string;
}

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  readonly glyphs: Glyphs;
  /** Key names as the glyphs draw them: "↑" or "Up". */
  readonly keys: KeyLabels;
  /** An Ink colour, or undefined when colour is off. */
  tone(tone: Tone | undefined): string | undefined;
  readonly ui: {
    readonly accent: string | undefined;
    readonly muted: string | undefined;
    readonly title: string | undefined;
    readonly key: string | undefined;
    readonly danger: string | undefined;
  };
}

const UNICODE: Glyphs = {
  rule: '─',
  ellipsis: '…',
  error: '✕',
  warn: '▲',
  info: '●',
  ok: '✓',
  mark: '●',
  up: '▲',
  down: '▼',
  separator: '│',
  barFull: '█',
  barEmpty: '░',
  cursor: '▏',
  dot: '·',
  secret: '•',
  upDown: '↑/↓',
};

const ASCII: Glyphs = {
  rule: '-',
  ellipsis: '~',
  error: 'x',
  warn: '!',
  info: '*',
  ok: '+',
  mark: '*',
  up: '^',
  down: 'v',
  separator: '|',
  barFull: '#',
  barEmpty: '.',
  cursor: '|',
  dot: '-',
  secret: '*',
  upDown: 'Up/Down',
};

const TONES: Record<Tone, string> = {
  ok: 'green',
  warn: 'yellow',
  error: 'red',
  muted: 'gray',
  accent: 'cyan',
  info: 'blue',
};

export function createTheme(options: {
  color: boolean;
  ascii: boolean;
}): Theme {
  const pick = (value: string) => (options.color ? value : undefined);
  return {
    color: options.color,
    ascii: options.ascii,
    glyphs: options.ascii ? ASCII : UNICODE,
    keys: keyLabels(options.ascii),
    tone: (tone) =>
      tone === undefined || !options.color ? undefined : TONES[tone],
    ui: {
      accent: pick('cyan'),
      muted: pick('gray'),
      title: pick('cyan'),
      key: pick('yellow'),
      danger: pick('red'),
    },
  };
}

/** no-color.org: present and not empty. */
export function colorWanted(env: NodeJS.ProcessEnv): boolean {
  return (env['NO_COLOR'] ?? '') === '';
}

export const ThemeContext = createContext<Theme>(
  createTheme({ color: true, ascii: false }),
);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
