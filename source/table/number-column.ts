/** A column of numbers: right-aligned, sorted by value, shown as the format says. */
import type { ColumnLayoutSpec } from './table-layout.js';
import type { ColumnSpec } from './table-spec.js';

export function numberColumn<Row>(
  spec: ColumnLayoutSpec & {
    readonly id: string;
    readonly number: (row: Row) => number;
    readonly format?: (value: number) => string;
  },
): ColumnSpec<Row> {
  const { number, format = String, ...layout } = spec;
  return {
    ...layout,
    value: (row) => format(number(row)),
    sortValue: number,
    align: 'right',
  };
}
