/**
 * Semantic colours and glyphs. Components ask for a meaning (status.error,
 * ui.focus, tone 'ok'), never a colour. NO_COLOR drops every colour, and
 * --ascii swaps every non-ASCII glyph, for terminals and fonts that lack them.
 */
import { createContext, useContext } from 'react';
import { charset, type Charset } from '../source/lib/charset.js';
import { keyLabels, type KeyLabels } from '../source/keymap/index.js';
import type { Tone } from '../source/lib/view-types.js';

/** The charset (ascii, glyphs) is shared with hooks through CharsetContext. */
export interface Theme extends Charset {
  readonly color: boolean;
  /** Key names as the charset draws them: "↑" or "Up". */
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
    ...charset(options.ascii),
    color: options.color,
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
