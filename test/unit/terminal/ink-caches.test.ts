import { describe, expect, it } from 'vitest';
import {
  GenerationMap,
  createLineCaches,
} from '../../../source/terminal/ink-caches.js';

describe('generation map', () => {
  it('keeps what was asked for lately and forgets the rest', () => {
    const map = new GenerationMap<number>(3);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3); // the first generation is full: a, b, c become previous
    expect(map.get('a')).toBe(1); // moved into the current generation
    map.set('d', 4);
    map.set('e', 5); // full again: b and c, not asked for, are gone
    expect(map.get('a')).toBe(1);
    expect(map.get('d')).toBe(4);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('c')).toBeUndefined();
    expect(map.size).toBeLessThanOrEqual(6);
  });

  it('never holds more than two generations, however many keys pass', () => {
    const map = new GenerationMap<string>(100);
    for (let index = 0; index < 10_000; index++)
      map.set(`key ${index}`, String(index));
    expect(map.size).toBeLessThanOrEqual(200);
    expect(map.get('key 9999')).toBe('9999');
    expect(map.get('key 0')).toBeUndefined();
  });
});

describe("Ink's line caches across frames", () => {
  const counted = () => {
    const seen: string[] = [];
    const caches = createLineCaches(
      (line) => {
        seen.push(line);
        return [...line].map((value) => ({ value }));
      },
      (text) => {
        seen.push(`width:${text}`);
        return [...text].length;
      },
      4,
    );
    return { caches, seen };
  };

  it('tokenizes a line once while frames keep drawing it, and gives the same characters', () => {
    const { caches, seen } = counted();
    const first = caches.getStyledChars('\u001B[7m i-0abc  web-1 \u001B[27m');
    for (let frame = 0; frame < 50; frame++) {
      expect(caches.getStyledChars('\u001B[7m i-0abc  web-1 \u001B[27m')).toBe(
        first,
      );
      caches.getStyledChars(`age ${frame % 2}`);
    }
    expect(seen.filter((line) => line.includes('i-0abc'))).toHaveLength(1);
    expect(first.map((char) => char.value).join('')).toContain('web-1');
  });

  it('tokenizes a line again once enough other lines were drawn since', () => {
    const { caches, seen } = counted();
    caches.getStyledChars('old row');
    for (let index = 0; index < 20; index++)
      caches.getStyledChars(`row ${index}`);
    caches.getStyledChars('old row');
    expect(seen.filter((line) => line === 'old row')).toHaveLength(2);
  });

  it('measures the widest line of a block from its lines, each once', () => {
    const { caches, seen } = counted();
    expect(caches.getWidestLine('ab\nabcd\n')).toBe(4);
    expect(caches.getWidestLine('ab\nabcd\n')).toBe(4);
    expect(caches.getStringWidth('abcd')).toBe(4);
    expect(seen.filter((entry) => entry === 'width:abcd')).toHaveLength(1);
  });
});
