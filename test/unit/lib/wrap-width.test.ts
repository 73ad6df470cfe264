import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../../source/lib/wrap-lines.js';
import { wrapToWidth } from '../../../source/lib/wrap-width.js';

describe('wrapToWidth', () => {
  it('breaks after the last space past the middle of a line', () => {
    expect(wrapToWidth('alpha beta gamma delta', 12)).toEqual([
      'alpha beta',
      'gamma delta',
    ]);
  });

  it('cuts a word longer than a line where the line is full', () => {
    expect(wrapToWidth('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('counts wide characters as two cells', () => {
    const lines = wrapToWidth('日本語のテキスト', 5);
    expect(lines.every((line) => stringWidth(line) <= 5)).toBe(true);
    expect(lines.join('')).toBe('日本語のテキスト');
  });

  it('wraps a line of megabytes in linear time', () => {
    // Four cells per byte, as the sanitiser shows control bytes.
    const huge = '\\x07'.repeat(500_000);
    const started = performance.now();
    const lines = wrapToWidth(huge, 76);
    const elapsed = performance.now() - started;
    expect(lines.join('')).toBe(huge);
    expect(lines.every((line) => line.length <= 76)).toBe(true);
    // Quadratic wrapping took minutes here; generous for a slow machine.
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('wrapLines with a word longer than a line', () => {
  it('keeps the hanging indent on every piece', () => {
    expect(
      wrapLines('see abcdefghijklmnop', 10, { first: '- ', rest: '  ' }),
    ).toEqual(['- see', '  abcdefgh', '  ijklmnop']);
  });
});
