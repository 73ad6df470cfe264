/** A table's structure as detail sections: summary, columns, indexes, CREATE TABLE. Pure. */
import type { TableRow, TableStructure } from '../../mysql/admin/tables.js';
import { formatBytes } from './mysql-format.js';
import type { DetailSection } from '../../lib/view-types.js';

export function structureSections(
  row: TableRow,
  structure: TableStructure,
): DetailSection[] {
  return [
    {
      title: row.name,
      rows: [
        ['Engine', row.engine || row.kind],
        ['Rows (estimate)', String(row.estimatedRows)],
        [
          'Data / index',
          `${formatBytes(row.dataBytes)} / ${formatBytes(row.indexBytes)}`,
        ],
        [
          'Primary key',
          structure.primaryKey.join(', ') || '(none: rows page by offset)',
        ],
        ['Collation', row.collation],
      ],
    },
    {
      title: 'Columns',
      rows: structure.columns.map((column) => [
        column.name,
        [
          column.type,
          column.nullable ? 'NULL' : 'NOT NULL',
          column.default === null ? '' : `default ${column.default}`,
          column.key,
          column.extra,
        ]
          .filter(Boolean)
          .join(' '),
      ]),
    },
    {
      title: 'Indexes',
      rows: structure.indexes.map((index) => [
        index.name,
        `${index.unique ? 'UNIQUE ' : ''}${index.type} (${index.columns.join(', ')})`,
      ]),
    },
    { title: 'SHOW CREATE TABLE', rows: [['', structure.createStatement]] },
  ];
}
