import { describe, expect, it } from 'vitest';
import {
  grantDatabase,
  quoteAccount,
  quoteBytes,
  quoteId,
  quoteString,
  quoteTable,
} from '../../../source/mysql/sql-quote.js';
import {
  classifyStatement,
  scanStatements,
  statementKeyword,
} from '../../../source/mysql/query/sql-statements.js';
import { mayHoldSecret } from '../../../source/mysql/query/query-history.js';
import {
  grantObject,
  privilegeList,
} from '../../../source/mysql/admin/grants.js';
import { accountWarnings } from '../../../source/mysql/admin/user-warnings.js';
import { checkConsoleInput } from '../../../source/mysql/query/query-console.js';

const plain = { noBackslashEscapes: false };
const nbe = { noBackslashEscapes: true };

describe('identifier and literal quoting', () => {
  it('keeps a name with dots, backticks, quotes and unicode as one identifier', () => {
    expect(quoteId('my.db')).toBe('`my.db`');
    expect(quoteId('we`ird')).toBe('`we``ird`');
    expect(quoteId(`o'brien "x"`)).toBe('`o\'brien "x"`');
    expect(quoteId('ünï.cøde')).toBe('`ünï.cøde`');
    expect(quoteTable('a.b', 'c`d')).toBe('`a.b`.`c``d`');
    expect(() => quoteId('')).toThrow(/empty/);
    expect(() => quoteId('a\0b')).toThrow(/NUL/);
  });

  it('quotes strings for both backslash modes', () => {
    expect(quoteString(`it's a \\ test`, plain)).toBe(`'it''s a \\\\ test'`);
    expect(quoteString(`it's a \\ test`, nbe)).toBe(`'it''s a \\ test'`);
    expect(quoteAccount({ user: "o'brien", host: '10.%' }, plain)).toBe(
      `'o''brien'@'10.%'`,
    );
    expect(quoteBytes(Buffer.from([0, 255]))).toBe("X'00ff'");
  });

  it('escapes grant wildcards in database-level grants only', () => {
    expect(grantDatabase('my_db%x')).toBe('`my\\_db\\%x`');
    expect(grantObject({ database: 'my_db' })).toBe('`my\\_db`.*');
    expect(grantObject({ database: 'my_db', table: 'a_b' })).toBe(
      '`my_db`.`a_b`',
    );
    expect(privilegeList(['select', ' Insert '], { database: 'x' })).toBe(
      'SELECT, INSERT',
    );
    expect(() => privilegeList(['SUPER'], { database: 'x' })).toThrow(
      /not a database privilege/,
    );
    expect(() =>
      privilegeList(['EVENT'], { database: 'x', table: 't' }),
    ).toThrow(/not a table privilege/);
    expect(() => privilegeList([], { database: 'x' })).toThrow(/at least one/);
  });
});

describe('statement scanning and read-only classification', () => {
  it('counts statements outside strings, names and comments', () => {
    expect(scanStatements('SELECT 1;')).toHaveLength(1);
    expect(
      scanStatements(
        'SELECT \';\' AS a, `x;y` FROM t -- ; no\n WHERE b = "c;" /* ; */',
      ),
    ).toHaveLength(1);
    expect(scanStatements('SELECT 1; SELECT 2')).toHaveLength(2);
    expect(scanStatements("SELECT 'it\\'s;'; ")).toHaveLength(1);
    expect(scanStatements('  ;  -- only a comment\n')).toHaveLength(0);
    expect(() => checkConsoleInput('SELECT 1; DROP TABLE t')).toThrow(
      /2 statements/,
    );
    expect(() => checkConsoleInput('delimiter $$')).toThrow(/client command/);
    expect(statementKeyword("  /* x */ update t set password='x'")).toBe(
      'UPDATE',
    );
  });

  it.each([
    'SELECT * FROM t',
    '(SELECT 1) UNION (SELECT 2)',
    'show create table `t`',
    'SHOW GRANTS FOR CURRENT_USER',
    'DESC t',
    'DESCRIBE `a.b`',
    'EXPLAIN SELECT * FROM t',
    'WITH x AS (SELECT 1) SELECT * FROM x',
    "SELECT 'delete from t' AS text_not_code, last_update FROM t",
    'USE shop',
  ])('lets %s through', (sql) => {
    expect(classifyStatement(sql)).toEqual({ read: true });
  });

  it.each([
    ['UPDATE t SET a = 1', /not a read statement/],
    ['DELETE FROM t', /not a read statement/],
    ['SELECT * FROM t INTO OUTFILE "/tmp/x"', /INTO/],
    ['SELECT * FROM t FOR UPDATE', /UPDATE/],
    ['WITH x AS (SELECT 1) DELETE FROM t', /DELETE/],
    ['EXPLAIN ANALYZE SELECT 1', /ANALYZE/],
    ['SELECT 1 /*!, (SELECT 1 FROM t) */', /executable comment/],
    ['SELECT 1; DROP TABLE t', /several statements/],
    ['CALL p()', /not a read statement/],
    ['SET GLOBAL read_only = 0', /not a read statement/],
    ['', /nothing to run/],
  ])('refuses %s', (sql, reason) => {
    const verdict = classifyStatement(sql);
    expect(verdict.read).toBe(false);
    expect(verdict.read === false && verdict.reason).toMatch(reason);
  });
});

describe('history redaction', () => {
  it.each([
    "CREATE USER 'a'@'%' IDENTIFIED BY 'hunter2'",
    "ALTER USER a IDENTIFIED WITH mysql_native_password AS '*ABC'",
    "create user x identified via ed25519 using PASSWORD('pw')",
    "SET PASSWORD FOR 'a'@'%' = 'x'",
    "SELECT PASSWORD('x')",
    "CHANGE MASTER TO MASTER_HOST='h', MASTER_PASSWORD='p'",
    "UPDATE users SET password_hash = 'abc' WHERE id = 1",
    "INSERT INTO api_tokens (token) VALUES ('t0k3n')",
    "SELECT AES_ENCRYPT(card, 'k3y') FROM cards",
  ])('drops %s', (sql) => {
    expect(mayHoldSecret(sql)).toBe(true);
  });

  it.each([
    'SELECT * FROM users WHERE id = 1',
    'SELECT password_changed_at FROM users',
    "SELECT 'x' FROM t",
  ])('keeps %s', (sql) => {
    expect(mayHoldSecret(sql)).toBe(false);
  });
});

describe('account warnings', () => {
  const base = {
    host: '%',
    plugin: 'mysql_native_password',
    hasPassword: true,
    locked: false,
    globalPrivileges: [],
  };
  it('flags application users with global privileges and open accounts, not admins', () => {
    expect(
      accountWarnings({
        ...base,
        user: 'app',
        globalPrivileges: ['SELECT', 'SUPER'],
      }).map((w) => w.kind),
    ).toEqual(['global-privileges']);
    expect(
      accountWarnings({ ...base, user: 'root', globalPrivileges: ['SUPER'] }),
    ).toEqual([]);
    expect(
      accountWarnings({ ...base, user: 'x', hasPassword: false }).map(
        (w) => w.kind,
      ),
    ).toEqual(['open-without-password']);
    expect(
      accountWarnings({
        ...base,
        user: 'x',
        hasPassword: false,
        plugin: 'unix_socket',
      }),
    ).toEqual([]);
    expect(
      accountWarnings({
        ...base,
        user: 'x',
        hasPassword: false,
        host: 'localhost',
      }),
    ).toEqual([]);
    expect(
      accountWarnings({ ...base, user: 'x', globalPrivileges: ['USAGE'] }),
    ).toEqual([]);
  });
});
