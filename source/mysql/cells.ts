/** Values from mysql2 turned into plain display data, and back into SQL literals. */
import type { Cell, ResultColumn } from './mysql-values.js';
import { quoteBytes, quoteString, type LiteralMode } from './sql-quote.js';

/** A driver value as text ('' for null/undefined); for metadata columns. */
export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects and buffers were handled above
  return String(value);
}

/** A driver value as a number (0 when absent); sizes and counts from information_schema. */
export function count(value: unknown): number {
  const parsed = Number(text(value));
  return Number.isFinite(parsed) ? parsed : 0;
}

export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value))
    return { hex: value.toString('hex'), bytes: value.length };
  return text(value);
}

/** mysql2 field metadata, reduced to what display and keyset paging need. */
export interface DriverField {
  readonly name: string;
  readonly type?: number;
  readonly columnType?: number;
  readonly characterSet?: number;
  readonly flags?: number | string[];
}

const BINARY_CHARSET = 63;
const NUMERIC_TYPES = new Set([0, 1, 2, 3, 4, 5, 8, 9, 13, 246]);
const TYPE_NAMES: Record<number, string> = {
  0: 'DECIMAL',
  1: 'TINYINT',
  2: 'SMALLINT',
  3: 'INT',
  4: 'FLOAT',
  5: 'DOUBLE',
  6: 'NULL',
  7: 'TIMESTAMP',
  8: 'BIGINT',
  9: 'MEDIUMINT',
  10: 'DATE',
  11: 'TIME',
  12: 'DATETIME',
  13: 'YEAR',
  15: 'VARCHAR',
  16: 'BIT',
  245: 'JSON',
  246: 'DECIMAL',
  247: 'ENUM',
  248: 'SET',
  249: 'TINYBLOB',
  250: 'MEDIUMBLOB',
  251: 'LONGBLOB',
  252: 'BLOB',
  253: 'VARCHAR',
  254: 'CHAR',
  255: 'GEOMETRY',
};

export function toColumn(field: DriverField): ResultColumn {
  const type = field.columnType ?? field.type ?? 253;
  const textual = [15, 247, 248, 249, 250, 251, 252, 253, 254].includes(type);
  return {
    name: field.name,
    type: TYPE_NAMES[type] ?? `TYPE${type}`,
    binary:
      type === 16 ||
      type === 255 ||
      (textual && field.characterSet === BINARY_CHARSET),
    numeric: NUMERIC_TYPES.has(type),
  };
}

/** A key value from a fetched row as a literal for WHERE, exact for big integers and bytes. */
export function literalFor(
  value: unknown,
  column: ResultColumn,
  mode: LiteralMode,
): string {
  if (value === null || value === undefined) return 'NULL';
  if (Buffer.isBuffer(value)) return quoteBytes(value);
  const textValue = text(value);
  if (column.numeric && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(textValue))
    return textValue;
  return quoteString(textValue, mode);
}
