/** Databases: list with table counts and sizes, create with charset/collation, drop, exists. */
import { UserError } from '../../lib/errors.js';
import { count, text } from '../cells.js';
import type { MysqlSession } from '../mysql-session.js';
import { quoteId, quoteString } from '../sql-quote.js';

export interface DatabaseRow {
  readonly name: string;
  readonly tables: number;
  /** Data plus index bytes, from information_schema (an estimate for InnoDB). */
  readonly bytes: number;
  readonly charset: string;
  readonly collation: string;
  /** mysql, sys, information_schema, performance_schema. */
  readonly system: boolean;
}

export interface CharsetRow {
  readonly charset: string;
  readonly defaultCollation: string;
  readonly collations: readonly string[];
}

const SYSTEM = new Set([
  'mysql',
  'sys',
  'information_schema',
  'performance_schema',
]);
const CHARSET_NAME = /^[A-Za-z0-9_]{1,64}$/;

export interface DatabaseService {
  readonly list: (signal?: AbortSignal) => Promise<DatabaseRow[]>;
  readonly exists: (name: string) => Promise<boolean>;
  readonly charsets: () => Promise<CharsetRow[]>;
  readonly create: (
    name: string,
    options?: { charset?: string; collation?: string },
  ) => Promise<void>;
  readonly drop: (name: string) => Promise<void>;
}

export function createDatabaseService(session: MysqlSession): DatabaseService {
  const literal = (value: string) => quoteString(value, session.literalMode());
  return {
    async list(signal) {
      await session.connect(signal);
      const rows = await session.rows(
        `SELECT s.SCHEMA_NAME AS name, s.DEFAULT_CHARACTER_SET_NAME AS charset,
                s.DEFAULT_COLLATION_NAME AS collation, COUNT(t.TABLE_NAME) AS tables,
                COALESCE(SUM(t.DATA_LENGTH + t.INDEX_LENGTH), 0) AS bytes
           FROM information_schema.SCHEMATA s
           LEFT JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = s.SCHEMA_NAME
          GROUP BY s.SCHEMA_NAME, s.DEFAULT_CHARACTER_SET_NAME, s.DEFAULT_COLLATION_NAME
          ORDER BY s.SCHEMA_NAME`,
        signal,
      );
      return rows.map((row) => ({
        name: text(row['name']),
        tables: count(row['tables']),
        bytes: count(row['bytes']),
        charset: text(row['charset']),
        collation: text(row['collation']),
        system: SYSTEM.has(text(row['name']).toLowerCase()),
      }));
    },
    async exists(name) {
      await session.connect();
      const rows = await session.rows(
        `SELECT 1 AS found FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${literal(name)}`,
      );
      return rows.length > 0;
    },
    async charsets() {
      const collations = await session.rows(
        'SELECT CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation, IS_DEFAULT AS isDefault FROM information_schema.COLLATIONS ORDER BY CHARACTER_SET_NAME, COLLATION_NAME',
      );
      const byCharset = new Map<
        string,
        { defaultCollation: string; collations: string[] }
      >();
      for (const row of collations) {
        const charset = text(row['charset']);
        const entry = byCharset.get(charset) ?? {
          defaultCollation: '',
          collations: [],
        };
        entry.collations.push(text(row['collation']));
        if (text(row['isDefault']) === 'Yes')
          entry.defaultCollation = text(row['collation']);
        byCharset.set(charset, entry);
      }
      return [...byCharset].map(([charset, entry]) => ({ charset, ...entry }));
    },
    async create(name, options = {}) {
      for (const value of [options.charset, options.collation])
        if (value !== undefined && !CHARSET_NAME.test(value))
          throw new UserError(
            `not a character set or collation name: ${value}`,
          );
      const sql = [
        `CREATE DATABASE ${quoteId(name)}`,
        options.charset ? `CHARACTER SET ${options.charset}` : '',
        options.collation ? `COLLATE ${options.collation}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      await session.connect();
      await session.write(
        'CreateDatabase',
        `create database ${quoteId(name)}`,
        () => session.run(sql),
      );
    },
    async drop(name) {
      if (SYSTEM.has(name.toLowerCase()))
        throw new UserError(
          `${name} is a system database; opsdeck does not drop it`,
        );
      await session.connect();
      await session.write(
        'DropDatabase',
        `drop database ${quoteId(name)}`,
        () => session.run(`DROP DATABASE ${quoteId(name)}`),
      );
    },
  };
}
