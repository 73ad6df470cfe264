import { describe, expect, it } from 'vitest';
import { buildRows, createRowCache } from '../../../source/table/table-rows.js';
import type { ColumnSpec } from '../../../source/table/table-spec.js';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly state?: string;
}

describe('building the rows a table shows', () => {
  const spec: { columns: ColumnSpec<Row>[]; rowId: (row: Row) => string } = {
    columns: [
      { id: 'name', title: 'NAME', value: (row: Row) => row.name },
      {
        id: 'state',
        title: 'STATE',
        value: (row: Row) => row.state ?? 'running',
        tone: (row: Row) => (row.state === 'stopped' ? 'error' : 'ok'),
      },
    ],
    rowId: (row: Row) => row.id,
  };

  it('builds a row object only once when a cache is given', () => {
    const first = [
      { id: 'a', name: 'a' },
      { id: 'b', name: 'b' },
    ];
    const cache = createRowCache<Row>();
    const built = buildRows(spec, first, cache);
    const again = buildRows(spec, [...first, { id: 'c', name: 'c' }], cache);
    expect(again[0]).toBe(built[0]);
    expect(again[1]).toBe(built[1]);
    expect(again[2]?.cells).toEqual(['c', 'running']);
  });

  it('keeps the cell and tone arrays of a refreshed row whose texts did not change', () => {
    const cache = createRowCache<Row>();
    const [before] = buildRows(spec, [{ id: 'a', name: 'web' }], cache);
    const fresh = { id: 'a', name: 'web' };
    const [after] = buildRows(spec, [fresh], cache);
    // A new object: it may carry other changes, so the row is the fresh one...
    expect(after).not.toBe(before);
    expect(after?.row).toBe(fresh);
    // ...but what the table draws is the same array, so its line does not redraw.
    expect(after?.cells).toBe(before?.cells);
    expect(after?.tones).toBe(before?.tones);
  });

  it('builds new cells, made safe, when a text changed, and new tones when a tone did', () => {
    const cache = createRowCache<Row>();
    const [before] = buildRows(spec, [{ id: 'a', name: 'web' }], cache);
    const [renamed] = buildRows(
      spec,
      [{ id: 'a', name: 'web\u001b]52;c;aGk=\u0007' }],
      cache,
    );
    expect(renamed?.cells).not.toBe(before?.cells);
    expect(renamed?.cells[0]).not.toContain('\u001b');
    expect(renamed?.tones).toBe(before?.tones);
    const [stopped] = buildRows(
      spec,
      [{ id: 'a', name: 'web\u001b]52;c;aGk=\u0007', state: 'stopped' }],
      cache,
    );
    expect(stopped?.cells).not.toBe(renamed?.cells);
    expect(stopped?.tones).toEqual([undefined, 'error']);
    expect(stopped?.tones).not.toBe(renamed?.tones);
  });

  it('forgets rows that left the list', () => {
    const cache = createRowCache<Row>();
    const [first] = buildRows(spec, [{ id: 'a', name: 'web' }], cache);
    buildRows(spec, [{ id: 'b', name: 'db' }], cache);
    expect(cache.byId.has('a')).toBe(false);
    const [back] = buildRows(spec, [{ id: 'a', name: 'web' }], cache);
    expect(back?.cells).toEqual(first?.cells);
    expect(back?.cells).not.toBe(first?.cells);
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
