import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  moveCursor,
  placeCursor,
  START_CURSOR,
} from '../../../source/table/table-cursor.js';
import {
  COLUMN_GAP,
  cutPosition,
  fitColumns,
  moveSelection,
  reselect,
  scrollOffset,
} from '../../../source/table/table-layout.js';
import { fitCell, fitPieces } from '../../../source/lib/fit-cell.js';
import { instancesSpec } from '../../../source/panes/ec2/instances-spec.js';
import { fakeInstance } from '../../helpers/fakes/fake-ec2.js';

const columns = [
  { title: 'ID', min: 4 },
  { title: 'NAME', min: 6, grow: 1 },
  { title: 'STATE', min: 5, priority: 1 },
  { title: 'ZONE', min: 6, priority: 9 },
];
const cells = [
  ['i-0123456789abcdef0', 'a-rather-long-server-name', 'running', 'us-east-1a'],
  ['i-0fedcba9876543210', 'db', 'stopped', 'us-east-1b'],
];

function used(widths: number[]): number {
  const shown = widths.filter((width) => width > 0);
  return (
    shown.reduce((sum, width) => sum + width, 0) +
    (shown.length - 1) * COLUMN_GAP
  );
}

describe('fitColumns', () => {
  it('fills a wide terminal exactly, giving the spare room to growable columns', () => {
    const widths = fitColumns(columns, cells, 120);
    expect(used(widths)).toBe(120);
    expect(widths[0]).toBe(19);
    expect(widths[1]).toBeGreaterThan(25);
  });

  it('never exceeds the width, shrinking the widest columns first', () => {
    for (const width of [80, 60, 50]) {
      const widths = fitColumns(columns, cells, width);
      expect(used(widths)).toBeLessThanOrEqual(width);
      expect(
        widths.every(
          (w, index) => w === 0 || w >= Math.min(columns[index]?.min ?? 0, 19),
        ),
      ).toBe(true);
    }
  });

  it('keeps fixed columns whole and cuts only growable ones, dropping the least important', () => {
    // ID 19 + NAME cut to 12 + STATE 7 and two gaps; ZONE (least important) left out.
    expect(fitColumns(columns, cells, 40)).toEqual([19, 12, 7, 0]);
  });

  it('drops columns rather than cut an ID short', () => {
    const widths = fitColumns(columns, cells, 20);
    expect(widths[0]).toBe(19);
    expect(used(widths)).toBeLessThanOrEqual(20);
  });

  it('cuts even a fixed column when it is all that is left', () => {
    expect(fitColumns(columns, cells, 10)).toEqual([10, 0, 0, 0]);
  });
});

describe('fitCell', () => {
  const ellipsis = '…';

  it('cuts with the ellipsis it is given and pads to the width', () => {
    expect(fitCell('a-rather-long-name', 8, { ellipsis })).toBe('a-rathe…');
    expect(fitCell('db', 5, { ellipsis })).toBe('db   ');
    expect(fitCell('42', 5, { align: 'right', ellipsis })).toBe('   42');
    expect(fitCell('abcdef', 4, { ellipsis: '~' })).toBe('abc~');
  });

  it('measures wide characters by display width', () => {
    const cut = fitCell('サーバー名前テスト', 9, { ellipsis });
    expect(stringWidth(cut)).toBe(9);
    expect(cut).toContain('…');
  });

  it('keeps a cell on one line', () => {
    expect(fitCell('two\nlines', 12, { ellipsis })).toBe('two lines   ');
  });
});

describe('fitPieces', () => {
  it('cuts pieces of a line as one text, dropping those past the cut', () => {
    expect(fitPieces([' Rows ', ' Query ', ' Users '], 19, '~')).toEqual([
      ' Rows ',
      ' Query ',
      ' User~',
    ]);
    expect(fitPieces([' Rows ', ' Query ', ' Users '], 12, '~')).toEqual([
      ' Rows ',
      ' Quer~',
    ]);
    expect(fitPieces(['ab', 'cd'], 4, '~')).toEqual(['ab', 'cd']);
  });
});

describe('windowing', () => {
  it('keeps the selection visible without jumping', () => {
    expect(scrollOffset(100, 0, 10, 0)).toBe(0);
    expect(scrollOffset(100, 9, 10, 0)).toBe(0);
    expect(scrollOffset(100, 10, 10, 0)).toBe(1);
    expect(scrollOffset(100, 50, 10, 45)).toBe(45);
    expect(scrollOffset(100, 40, 10, 45)).toBe(40);
    expect(scrollOffset(5, 4, 10, 3)).toBe(0);
  });

  it('moves and clamps the selection', () => {
    expect(moveSelection(10, 0, 'up', 5)).toBe(0);
    expect(moveSelection(10, 9, 'down', 5)).toBe(9);
    expect(moveSelection(10, 2, 'pageDown', 5)).toBe(7);
    expect(moveSelection(10, 2, 'bottom', 5)).toBe(9);
    expect(moveSelection(0, 0, 'down', 5)).toBe(0);
  });

  it('finds the selected row by ID after the rows change, else keeps the position', () => {
    expect(reselect(['a', 'b', 'c'], 'c', 0)).toBe(2);
    expect(reselect(['c', 'a', 'b'], 'c', 2)).toBe(0);
    expect(reselect(['a', 'b'], 'gone', 1)).toBe(1);
    expect(reselect(['a'], 'gone', 5)).toBe(0);
  });

  it('keeps the cursor on the same row when the order changes', () => {
    const ids = Array.from({ length: 30 }, (_, index) => `i-${index}`);
    let cursor = START_CURSOR;
    for (let step = 0; step < 12; step++)
      cursor = moveCursor(cursor, ids, 10, 'down');
    expect(cursor.selectedId).toBe('i-12');
    expect(placeCursor(cursor, ids, 10)).toEqual({ index: 12, offset: 3 });
    const reversed = [...ids].reverse();
    expect(placeCursor(cursor, reversed, 10).index).toBe(17);
  });
});

describe('growing into spare room', () => {
  it('stops a column at growMax and leaves the rest as margin', () => {
    const widths = fitColumns(
      [{ title: 'ID' }, { title: 'NAME', grow: 1, growMax: 20 }],
      [['i-1', 'web']],
      100,
    );
    expect(widths).toEqual([3, 20]);
  });

  it('gives what one column cannot take to the others', () => {
    const widths = fitColumns(
      [
        { title: 'A', grow: 1, growMax: 10 },
        { title: 'B', grow: 1 },
      ],
      [['a', 'b']],
      60,
    );
    expect(widths[0]).toBe(10);
    expect(used(widths)).toBe(60);
  });
});

describe('column priorities', () => {
  const instanceCells = (name: string): string[] =>
    instancesSpec.columns.map((column) =>
      column.value({
        ...fakeInstance('i-0123456789abcdef0', name, 'running'),
        launchTime: new Date(Date.now() - 3 * 86_400_000),
      }),
    );

  it('gives the name its width at 80 columns: less important columns drop first', () => {
    const cells = ['bar-web-1', 'bar-web-2', 'db-primary-eu-1'].map(
      instanceCells,
    );
    const widths = fitColumns(instancesSpec.columns, cells, 79);
    const at = (id: string) =>
      widths[instancesSpec.columns.findIndex((column) => column.id === id)];
    expect(at('name')).toBeGreaterThanOrEqual('db-primary-eu-1'.length);
    expect(at('id')).toBe(19);
    expect(used(widths)).toBeLessThanOrEqual(79);
    // Something less important than the name gave way.
    expect(widths.filter((width) => width === 0).length).toBeGreaterThan(0);
  });

  it('shrinks a growable column of lower priority before cutting the name', () => {
    const specs = [
      { title: 'NAME', min: 4, grow: 1 },
      { title: 'ID', min: 6 },
      { title: 'NOTE', min: 4, grow: 1, priority: 5 },
    ];
    const rows = [['bar-web-1', 'i-0001', 'a long free-text note here']];
    // 9 + 6 + 10 and two gaps: the note shrinks, the name stays whole.
    expect(fitColumns(specs, rows, 27)).toEqual([9, 6, 10]);
    // Narrower than the note's minimum allows: the note goes, then the ID;
    // the name is cut only when it is alone.
    expect(fitColumns(specs, rows, 16)).toEqual([9, 6, 0]);
    expect(fitColumns(specs, rows, 13)).toEqual([13, 0, 0]);
    expect(fitColumns(specs, rows, 7)).toEqual([7, 0, 0]);
  });

  it('cuts long text in the middle, so names that differ at the end still differ', () => {
    expect(cutPosition({ title: 'NAME', grow: 1 })).toBe('middle');
    expect(cutPosition({ title: 'ID' })).toBe('end');
    const cut = (name: string) =>
      fitCell(name, 8, { ellipsis: '…', position: 'middle' });
    expect(cut('bar-web-1')).toBe('bar-…b-1');
    expect(cut('bar-web-2')).toBe('bar-…b-2');
  });
});
