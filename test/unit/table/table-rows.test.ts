import { describe, expect, it } from 'vitest';
import { buildRows } from '../../../source/table/table-rows.js';

describe('building the rows a table shows', () => {
  const spec = {
    columns: [
      { id: 'name', title: 'NAME', value: (row: { name: string }) => row.name },
    ],
    rowId: (row: { name: string }) => row.name,
  };

  it('builds a row object only once when a cache is given', () => {
    const first = [{ name: 'a' }, { name: 'b' }];
    const cache = new WeakMap();
    const built = buildRows(spec, first, cache);
    const again = buildRows(spec, [...first, { name: 'c' }], cache);
    expect(again[0]).toBe(built[0]);
    expect(again[1]).toBe(built[1]);
    expect(again[2]?.cells).toEqual(['c']);
    // A new object with the same content is built anew: it may have changed.
    expect(buildRows(spec, [{ name: 'a' }], cache)[0]).not.toBe(built[0]);
  });

  it('lets key=value find a column by id or title', () => {
    const [row] = buildRows(
      {
        columns: [{ id: 'state', title: 'OPT-IN', value: () => 'on' }],
        rowId: () => 'x',
      },
      [{}],
    );
    expect(row?.columns.get('state')).toBe(0);
    expect(row?.columns.get('opt-in')).toBe(0);
  });
});
