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
  grantObject,
  privilegeList,
} from '../../../source/mysql/admin/grants.js';
import { accountWarnings } from '../../../source/mysql/admin/user-warnings.js';

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
