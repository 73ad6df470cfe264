import { describe, expect, it } from 'vitest';
import { twoColumns } from '../../../source/lib/two-columns.js';

describe('two columns', () => {
  it('splits on the first heading after the middle, so sections stay whole', () => {
    const lines = ['# A', 'a1', 'a2', 'a3', '# B', 'b1', '# C', 'c1'];
    expect(twoColumns(lines, (line) => line.startsWith('#'))).toEqual([
      ['# A', '# B'],
      ['a1', 'b1'],
      ['a2', '# C'],
      ['a3', 'c1'],
    ]);
  });

  it('splits in the middle when no heading follows it', () => {
    expect(twoColumns(['x', 'y', 'z'], () => false)).toEqual([
      ['x', 'z'],
      ['y', undefined],
    ]);
  });
});
