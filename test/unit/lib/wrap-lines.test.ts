import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../../source/lib/wrap-lines.js';

describe('wrapLines', () => {
  it('breaks between words and keeps every word', () => {
    const text =
      'A stopped instance gets a new public IP when started, unless it has an Elastic IP';
    const lines = wrapLines(text, 30, { first: '▲ ' });
    expect(lines[0]?.startsWith('▲ A stopped')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines.slice(1).every((line) => line.startsWith('  '))).toBe(true);
    expect(
      lines.map((line) => line.replace(/^▲? +/, '').trim()).join(' '),
    ).toBe(text);
  });

  it('cuts a word longer than a line instead of overflowing', () => {
    const lines = wrapLines('x'.repeat(25), 10);
    expect(lines).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('counts wide characters by cells', () => {
    const lines = wrapLines('日本語 日本語 日本語', 13);
    expect(lines).toEqual(['日本語 日本語', '日本語']);
  });

  it('gives one line for short or empty text', () => {
    expect(wrapLines('short', 20, { first: '  ' })).toEqual(['  short']);
    expect(wrapLines('', 20)).toEqual(['']);
  });
});
