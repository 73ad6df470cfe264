import { describe, expect, it } from 'vitest';
import { KNOWN_REGIONS } from '../../../source/aws/region-names.js';
import { charset, plainLetters } from '../../../source/lib/charset.js';

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

describe('charset', () => {
  it('has only printable ASCII in the ASCII glyph set', () => {
    for (const glyph of Object.values(charset(true).glyphs))
      expect(glyph).toMatch(PRINTABLE_ASCII);
  });

  it('gives both sets the same glyphs, one cell wide where they cut or mark', () => {
    const unicode = charset(false).glyphs;
    const ascii = charset(true).glyphs;
    expect(Object.keys(ascii)).toEqual(Object.keys(unicode));
    for (const name of ['ellipsis', 'mark', 'up', 'down'] as const)
      expect([unicode[name].length, ascii[name].length]).toEqual([1, 1]);
  });

  it('spells the built-in region names in plain letters only under --ascii', () => {
    expect(plainLetters('South America (São Paulo)', charset(true))).toBe(
      'South America (Sao Paulo)',
    );
    expect(plainLetters('South America (São Paulo)', charset(false))).toBe(
      'South America (São Paulo)',
    );
    for (const name of Object.values(KNOWN_REGIONS))
      expect(plainLetters(name, charset(true))).toMatch(PRINTABLE_ASCII);
  });
});
