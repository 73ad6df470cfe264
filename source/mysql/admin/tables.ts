/** Tables of a database (estimates, no COUNT(*)), and one table's structure. */
import { count, text } from '../cells.js';
import type { MysqlSession } from '../mysql-session.js';
import { quoteString, quoteTable } from '../sql-quote.js';

export interface TableRow {
  readonly name: string;
  /** BASE TABLE, VIEW, SYSTEM VIEW, SEQUENCE. */
  readonly kind: string;
  readonly engine: string;
  /** information_schema's estimate; exact only for MyISAM. */
  readonly estimatedRows: number;
  readonly dataBytes: number;
  readonly indexBytes: number;
  readonly collation: string;
  readonly comment: string;
}

export interface ColumnRow {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
  readonly key: string;
  readonly extra: string;
  readonly comment: string;
}

export interface IndexRow {
  readonly name: string;
  readonly unique: boolean;
  readonly columns: readonly string[];
  readonly type: string;
}

export interface TableStructure {
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly createStatement: string;
  /** Primary key columns in order; empty when there is none. */
  readonly primaryKey: readonly string[];
}

export interface TableService {
  readonly list: (
    database: string,
    signal?: AbortSignal,
  ) => Promise<TableRow[]>;
  readonly structure: (
    database: string,
    table: string,
    signal?: AbortSignal,
  ) => Promise<TableStructure>;
}

export function createTableService(session: MysqlSession): TableService {
  const literal = (value: string) => quoteString(value, session.literalMode());
  return {
    async list(database, signal) {
      await session.connect(signal);
      const rows = await session.rows(
        `SELECT TABLE_NAME AS name, TABLE_TYPE AS kind, ENGINE AS engine, TABLE_ROWS AS estimatedRows,
                DATA_LENGTH AS dataBytes, INDEX_LENGTH AS indexBytes, TABLE_COLLATION AS collation,
                TABLE_COMMENT AS comment
           FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${literal(database)} ORDER BY TABLE_NAME`,
        signal,
      );
      return rows.map((row) => ({
        name: text(row['name']),
        kind: text(row['kind']),
        engine: text(row['engine']),
        estimatedRows: count(row['estimatedRows']),
        dataBytes: count(row['dataBytes']),
        indexBytes: count(row['indexBytes']),
        collation: text(row['collation']),
        comment: text(row['comment']),
      }));
    },
    async structure(database, table, signal) {
      await session.connect(signal);
      const where = `TABLE_SCHEMA = ${literal(database)} AND TABLE_NAME = ${literal(table)}`;
      const columns = await session.rows(
        `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt,
                COLUMN_KEY AS colKey, EXTRA AS extra, COLUMN_COMMENT AS comment
           FROM information_schema.COLUMNS WHERE ${where} ORDER BY ORDINAL_POSITION`,
        signal,
      );
      const statistics = await session.rows(
        `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col, INDEX_TYPE AS type
           FROM information_schema.STATISTICS WHERE ${where} ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX`,
        signal,
      );
      const [created] = await session.rows(
        `SHOW CREATE TABLE ${quoteTable(database, table)}`,
        signal,
      );
      const indexes = new Map<
        string,
        { unique: boolean; columns: string[]; type: string }
      >();
      for (const row of statistics) {
        const name = text(row['name']);
        const entry = indexes.get(name) ?? {
          unique: count(row['nonUnique']) === 0,
          columns: [],
          type: text(row['type']),
        };
        entry.columns.push(text(row['col']));
        indexes.set(name, entry);
      }
      return {
        columns: columns.map((row) => ({
          name: text(row['name']),
          type: text(row['type']),
          nullable: text(row['nullable']) === 'YES',
          default:
            row['dflt'] === null || row['dflt'] === undefined
              ? null
              : text(row['dflt']),
          key: text(row['colKey']),
          extra: text(row['extra']),
          comment: text(row['comment']),
        })),
        indexes: [...indexes].map(([name, entry]) => ({ name, ...entry })),
        createStatement: text(
          created?.['Create Table'] ?? created?.['Create View'],
        ),
        primaryKey: indexes.get('PRIMARY')?.columns ?? [],
      };
    },
  };
}
