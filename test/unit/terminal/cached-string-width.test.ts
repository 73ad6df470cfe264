import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import cachedStringWidth from '../../../source/terminal/cached-string-width.js';
import { HOSTILE_TEXTS } from '../../helpers/hostile.js';

const ONE_COLUMN_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x21ff],
  [0x2500, 0x259f],
];

describe('string width, cached', () => {
  it('agrees with string-width on every character it counts as one column', () => {
    for (const [first, last] of ONE_COLUMN_RANGES)
      for (let code = first; code <= last; code++) {
        const text = String.fromCodePoint(code);
        expect(cachedStringWidth(text), text).toBe(stringWidth(text));
      }
  });

  it('agrees with string-width on wide, joined, invisible and escaped text, asked twice', () => {
    const samples = [
      '',
      'opsdeck │ lab │ us-east-1',
      'a\u00ADb',
      'e\u0301',
      '日本語のタグ',
      '👩‍👩‍👧 family',
      '⬆️ up',
      '\u001b[31mred\u001b[0m',
      '│\uFE0F',
      ...HOSTILE_TEXTS,
    ];
    for (const text of samples) {
      expect(cachedStringWidth(text), text).toBe(stringWidth(text));
      expect(cachedStringWidth(text), text).toBe(stringWidth(text));
    }
  });

  it('agrees with string-width on styled text, with and without glyphs it measures', () => {
    const styles = [
      '\u001b[m',
      '\u001b[0m',
      '\u001b[1m\u001b[36m',
      '\u001b[38;5;208m',
      '\u001b[48;2;10;20;30m',
      '\u001b[12345m',
      '\u001b[;m',
      '\u001b[31',
      '\u001b[?25l',
      '\u001b[2K',
      '\u001b]8;;https://example.com\u0007',
      '\u001b',
    ];
    const texts = [
      '',
      'opsdeck',
      ' │ ',
      'checking identity…',
      '→ ▌',
      '日本',
      '👩‍👩‍👧',
      'e\u0301',
      'a\u00ADb',
      'm',
    ];
    for (const style of styles)
      for (const text of texts)
        for (const line of [
          `${style}${text}`,
          `${text}${style}`,
          `${style}${text}\u001b[39m${text}\u001b[22m`,
        ]) {
          const shown = JSON.stringify(line);
          expect(cachedStringWidth(line), shown).toBe(stringWidth(line));
          expect(cachedStringWidth(line), shown).toBe(stringWidth(line));
        }
  });

  it('passes options through', () => {
    expect(cachedStringWidth('±', { ambiguousIsNarrow: false })).toBe(
      stringWidth('±', { ambiguousIsNarrow: false }),
    );
    expect(
      cachedStringWidth('\u001b[31mx', { countAnsiEscapeCodes: true }),
    ).toBe(stringWidth('\u001b[31mx', { countAnsiEscapeCodes: true }));
  });
});
