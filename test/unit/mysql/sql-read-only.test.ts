import { describe, expect, it } from 'vitest';
import { checkConsoleInput } from '../../../source/mysql/query/query-console.js';
import {
  classifyStatement,
  statementKeyword,
} from '../../../source/mysql/query/read-verdict.js';
import { scanStatements } from '../../../source/mysql/query/sql-statements.js';
import {
  historyText,
  redactLiterals,
  touchesSecret,
} from '../../../source/mysql/query/sql-redact.js';
import { consoleFailure } from '../../../source/mysql/query/console-failure.js';
import { UserError } from '../../../source/lib/errors.js';

const NO_BACKSLASH = { noBackslashEscapes: true };

describe('statement scanning', () => {
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

  it('takes -- as a comment only before an ASCII space or control character, as the server does', () => {
    expect(
      scanStatements('SELECT 1 --\u00a0x\n INTO OUTFILE')[0]?.words,
    ).toEqual(['SELECT', '1', '\u00a0X', 'INTO', 'OUTFILE']);
    expect(scanStatements('SELECT 1 --\x7fINTO')[0]?.words).toEqual([
      'SELECT',
      '1',
    ]);
    expect(scanStatements('SELECT 1 --\tINTO')[0]?.words).toEqual([
      'SELECT',
      '1',
    ]);
    expect(scanStatements('SELECT 1 --')[0]?.words).toEqual(['SELECT', '1']);
    expect(scanStatements('SELECT 1 --1')[0]?.words).toEqual([
      'SELECT',
      '1',
      '1',
    ]);
    expect(scanStatements('SELECT 1 # INTO\n, 2')[0]?.words).toEqual([
      'SELECT',
      '1',
      '2',
    ]);
  });

  it('treats a backslash as an escape only without NO_BACKSLASH_ESCAPES', () => {
    const sql = "SELECT '\\' INTO OUTFILE '/tmp/x' -- '";
    // With escapes, `'\' INTO OUTFILE '` is one string.
    expect(scanStatements(sql)[0]?.words).toEqual(['SELECT', 'TMP', 'X']);
    expect(scanStatements(sql, NO_BACKSLASH)[0]?.words).toEqual([
      'SELECT',
      'INTO',
      'OUTFILE',
    ]);
  });

  it('reads the inside of /*! */ and /*M! */ as code', () => {
    expect(
      scanStatements('SELECT 1 /*!50000 INTO OUTFILE */')[0],
    ).toMatchObject({
      words: ['SELECT', '1', 'INTO', 'OUTFILE'],
      executableComment: true,
    });
    expect(scanStatements('SELECT /*M!100100 2, */ 1')[0]?.words).toEqual([
      'SELECT',
      '2',
      '1',
    ]);
    expect(scanStatements('SELECT /* INTO */ 1')[0]?.executableComment).toBe(
      false,
    );
  });

  it('finds function calls, qualified or not, quoted or not', () => {
    expect(
      scanStatements(
        'SELECT shop.f(1), `my db`.`g`(), h (2), COUNT(*) FROM t',
      )[0]?.calls,
    ).toEqual([
      { schema: 'shop', name: 'f' },
      { schema: 'my db', name: 'g' },
      { name: 'h' },
      { name: 'COUNT' },
    ]);
  });
});

describe('read-only classification', () => {
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
    'SELECT 1 --\tINTO OUTFILE',
    'SELECT LASTVAL(s), PREVIOUS VALUE FOR s',
  ])('lets %s through', (sql) => {
    expect(classifyStatement(sql).read).toBe(true);
  });

  it.each([
    ['UPDATE t SET a = 1', /not a read statement/],
    ['DELETE FROM t', /not a read statement/],
    ['SELECT * FROM t INTO OUTFILE "/tmp/x"', /INTO OUTFILE writes a file/],
    ["SELECT 1 INTO DUMPFILE '/tmp/x'", /INTO DUMPFILE writes a file/],
    ['SELECT 1 INTO@a', /INTO/],
    ['SELECT * FROM t FOR UPDATE', /UPDATE/],
    ['WITH x AS (SELECT 1) DELETE FROM t', /DELETE/],
    ['EXPLAIN ANALYZE SELECT 1', /EXPLAIN ANALYZE runs the statement/],
    ['DESCRIBE ANALYZE DELETE FROM t', /DESCRIBE ANALYZE runs the statement/],
    ['desc analyze select 1', /DESC ANALYZE/],
    ['SELECT 1 /*!, (SELECT 1 FROM t) */', /executable comment/],
    ['SELECT 1 /*M!100100 , 2 */', /executable comment/],
    ['SELECT 1; DROP TABLE t', /several statements/],
    ['CALL p()', /not a read statement/],
    ['SET GLOBAL read_only = 0', /not a read statement/],
    ['SELECT SETVAL(seq, 5000)', /SETVAL changes a sequence/],
    ['SELECT NEXTVAL(seq)', /NEXTVAL advances/],
    ['SELECT seq.nextval', /NEXTVAL advances/],
    ['SELECT NEXT VALUE FOR seq', /NEXT VALUE FOR/],
    ["SELECT GET_LOCK('x', 10)", /GET_LOCK takes a named lock/],
    ["SELECT LOAD_FILE('/etc/shadow')", /LOAD_FILE reads a file/],
    ["SELECT 1 --\u00a0 x\nINTO OUTFILE '/tmp/x'", /INTO OUTFILE/],
    ['SELECT 1\0', /NUL/],
    ["SHOW DATABASES WHERE GET_LOCK('x', 1)", /GET_LOCK/],
    ['', /nothing to run/],
  ])('refuses %s', (sql, reason) => {
    const verdict = classifyStatement(sql);
    expect(verdict.read).toBe(false);
    expect(verdict.read === false && verdict.reason).toMatch(reason);
  });

  it('checks the functions a SHOW ... WHERE calls', () => {
    expect(classifyStatement('SHOW TABLES WHERE shop.wipe()')).toEqual({
      read: true,
      calls: [{ schema: 'shop', name: 'wipe' }],
    });
  });

  it('refuses the backslash bypass under NO_BACKSLASH_ESCAPES only', () => {
    const sql = "SELECT '\\' INTO OUTFILE '/tmp/x' -- '";
    expect(classifyStatement(sql).read).toBe(true);
    expect(classifyStatement(sql, NO_BACKSLASH)).toEqual({
      read: false,
      reason: 'INTO OUTFILE writes a file on the server',
    });
  });
});

describe('secrets in history and the log', () => {
  it.each([
    [
      "CREATE USER 'a'@'%' IDENTIFIED BY 'hunter2'",
      "CREATE USER '***'@'***' IDENTIFIED BY '***'",
    ],
    [
      "ALTER USER a IDENTIFIED WITH mysql_native_password AS '*ABC'",
      "ALTER USER a IDENTIFIED WITH mysql_native_password AS '***'",
    ],
    [
      "SET PASSWORD FOR 'a'@'%' = PASSWORD('hunter2')",
      "SET PASSWORD FOR '***'@'***' = PASSWORD('***')",
    ],
    ["SET pass='hunter2'", "SET pass='***'"],
    ["SELECT SHA2('hunter2',256)", "SELECT SHA2('***',256)"],
    ["SELECT ENCRYPT('hunter2', 'ab')", "SELECT ENCRYPT('***', '***')"],
    ['SELECT MD5(0x68756e74657232)', "SELECT MD5('***')"],
    [
      "CHANGE MASTER TO MASTER_HOST='h', MASTER_PASSWORD='hunter2'",
      "CHANGE MASTER TO MASTER_HOST='***', MASTER_PASSWORD='***'",
    ],
    [
      "GRANT ALL ON *.* TO a IDENTIFIED BY 'hunter2'",
      "GRANT ALL ON *.* TO a IDENTIFIED BY '***'",
    ],
    [
      "SELECT AES_ENCRYPT(card, X'6b6579') FROM cards",
      "SELECT AES_ENCRYPT(card, X'***') FROM cards",
    ],
  ])('keeps %s as %s', (sql, kept) => {
    expect(touchesSecret(sql)).toBe(true);
    expect(historyText(sql)).toBe(kept);
    expect(historyText(sql)).not.toMatch(/hunter2|6b6579|68756e/);
  });

  it('hides a literal under either backslash rule', () => {
    // Under NO_BACKSLASH_ESCAPES the first literal ends at the backslash.
    const sql = "SET pass = 'a\\' , 'hunter2'";
    expect(redactLiterals(sql)).not.toContain('hunter2');
  });

  it.each(['SELECT * FROM users WHERE id = 1', "SELECT 'x' FROM t"])(
    'keeps %s as it is',
    (sql) => {
      expect(historyText(sql)).toBe(sql);
    },
  );

  it('logs a failure by its code and the statement without literals', () => {
    const driver = Object.assign(
      new Error(
        "You have an error in your SQL syntax near 'USR bob IDENTIFIED BY 'hunter2''",
      ),
      { code: 'ER_PARSE_ERROR', errno: 1064 },
    );
    const failure = new UserError(`MySQL: ${driver.message}`, {
      cause: driver,
    });
    const line = consoleFailure(
      failure,
      "CREATE USR bob IDENTIFIED BY 'hunter2'",
    );
    expect(line).toBe(
      "ER_PARSE_ERROR (1064): CREATE USR bob IDENTIFIED BY '***'",
    );
    // A long statement is cut in plain ASCII: the log is drawn under --ascii too.
    const long = consoleFailure(failure, `SELECT ${'col, '.repeat(60)}1`);
    expect(long).toMatch(/^ER_PARSE_ERROR \(1064\): SELECT col, .*\.\.\.$/);
    expect(long).toMatch(/^[\x20-\x7e]+$/);
  });
});
