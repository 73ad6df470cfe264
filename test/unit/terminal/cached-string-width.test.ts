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

  it('passes options through', () => {
    expect(cachedStringWidth('±', { ambiguousIsNarrow: false })).toBe(
      stringWidth('±', { ambiguousIsNarrow: false }),
    );
    expect(
      cachedStringWidth('\u001b[31mx', { countAnsiEscapeCodes: true }),
    ).toBe(stringWidth('\u001b[31mx', { countAnsiEscapeCodes: true }));
  });
});
