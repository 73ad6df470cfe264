import { describe, expect, it } from 'vitest';
import {
  planOf,
  defaultOptions,
} from '../../../source/wizards/root-reset/plan.js';
import { remoteScript } from '../../../source/wizards/root-reset/run/remote-script.js';
import {
  MASK,
  nativePasswordHash,
  passwordProblem,
  strengthHint,
} from '../../../source/wizards/root-reset/secrets.js';
import { optionValue } from '../../../source/mysql/dump/remote-tools.js';
import { quoteString } from '../../../source/mysql/sql-quote.js';
import { resetSql } from '../../../source/wizards/root-reset/sql.js';
import type { ResetOptions } from '../../../source/wizards/root-reset/types.js';
import { fakeDetection } from '../../helpers/fakes/fake-root-reset.js';
import { INIT_FILE_STEPS } from '../../helpers/root-reset-steps.js';

const DETECTION = fakeDetection({
  manager: { kind: 'systemd', unit: 'mariadb.service', optsInExecStart: true },
});
const OPTIONS: ResetOptions = {
  user: 'root',
  host: 'localhost',
  keepSocketLogin: true,
  method: 'init-file',
};
const PASSWORD = `it's "q" \\ $x é`;

describe('password forms', () => {
  it('hashes like the server: * and upper hex of SHA1(SHA1(utf8))', () => {
    // MariaDB: SELECT PASSWORD('lab-root')
    expect(nativePasswordHash('lab-root')).toMatch(/^\*[0-9A-F]{40}$/);
    expect(nativePasswordHash('a')).toBe(
      '*667F407DE7C6AD07358FA38DAED7828A72014B4E',
    );
  });
  it('quotes SQL strings and option values so they read back exactly', () => {
    expect(quoteString(PASSWORD, { noBackslashEscapes: false })).toBe(
      `'it''s "q" \\\\ $x é'`,
    );
    expect(optionValue(PASSWORD)).toBe(`"it's \\"q\\" \\\\ $x é"`);
    expect(() => optionValue('a\nb')).toThrow(/line break/);
  });
  it('refuses empty, mismatched and multi-line passwords; hints at strength', () => {
    expect(passwordProblem('', '')).toMatch(/empty/);
    expect(passwordProblem('abc', 'abd')).toMatch(/differ/);
    expect(passwordProblem('a\nb', 'a\nb')).toMatch(/line break/);
    expect(passwordProblem(PASSWORD, PASSWORD)).toBeUndefined();
    expect(strengthHint('short')).toMatch(/^weak/);
    expect(strengthHint('Longer-Passw0rd!')).toBe('strong');
  });
});

describe('reset SQL', () => {
  it('sends MariaDB only the hash, keeps unix_socket where the account had it, and stays out of the binlog', () => {
    const sql = resetSql(DETECTION, OPTIONS, 'init-file', PASSWORD);
    expect(sql).not.toContain(PASSWORD);
    expect(sql).toContain(nativePasswordHash(PASSWORD));
    // Before anything else: utf8, backslashes as escapes, out of the binlog.
    expect(sql.split('\n').slice(0, 3)).toEqual([
      'SET NAMES utf8mb4;',
      "SET SESSION sql_mode = REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '');",
      'SET sql_log_bin = 0;',
    ]);
    expect(sql).toContain(
      'IDENTIFIED VIA unix_socket OR mysql_native_password USING',
    );
    expect(sql).toContain("Priv LIKE '%unix_socket%'");
    expect(sql).toContain('GRANT ALL PRIVILEGES ON *.* TO');
  });
  it('loads the grant tables first in the fallback', () => {
    const lines = resetSql(
      DETECTION,
      OPTIONS,
      'skip-grant-tables',
      PASSWORD,
    ).split('\n');
    expect(lines.indexOf('FLUSH PRIVILEGES;')).toBeLessThan(
      lines.findIndex((line) => line.includes('ALTER USER')),
    );
  });
  it('does not recreate or grant to an account other than root@localhost', () => {
    const sql = resetSql(
      DETECTION,
      { ...OPTIONS, user: "o'brien", host: '10.%' },
      'init-file',
      PASSWORD,
    );
    expect(sql).not.toMatch(/CREATE USER|GRANT/);
    expect(sql).toContain("User = 'o''brien' AND Host = '10.%'");
  });
  it('gives MySQL the quoted plaintext, which it rewrites in its logs, with backslashes made safe', () => {
    const sql = resetSql(
      { ...DETECTION, flavour: 'mysql', version: '8.0.36' },
      OPTIONS,
      'init-file',
      PASSWORD,
    );
    expect(sql).toContain(
      `IDENTIFIED BY ${quoteString(PASSWORD, { noBackslashEscapes: false })};`,
    );
    expect(sql).toContain(
      "REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', '')",
    );
  });
  it('masks the secret when there is no password (the plan)', () => {
    const sql = resetSql(DETECTION, OPTIONS, 'init-file', undefined);
    expect(sql).toContain(MASK);
    expect(sql).not.toMatch(/\*[0-9A-F]{40}/);
  });
});

describe('plan and script', () => {
  it('shows every step with its commands and never the password', () => {
    const plan = planOf(DETECTION, defaultOptions(DETECTION));
    expect(plan.options.method).toBe('init-file');
    expect(plan.steps.map((step) => step.id)).toEqual(INIT_FILE_STEPS);
    const shown = plan.steps.flatMap((step) => step.commands).join('\n');
    expect(shown).toContain('systemctl stop mariadb.service');
    expect(shown).toContain('MYSQLD_OPTS=--init-file=$INIT');
    expect(shown).toContain(MASK);
    expect(plan.warnings.join(' ')).toMatch(/restarts twice/);
  });
  it('warns about the clients of the MySQL server, not of the SSH endpoint', () => {
    const warnings = planOf(DETECTION, defaultOptions(DETECTION)).warnings;
    const restart = warnings.find((text) => text.includes('restarts twice'));
    expect(restart).toBe(
      'The server restarts twice; clients of MariaDB at db1.example.com:3306 and /run/mysqld/mysqld.sock lose their connections.',
    );
    expect(restart).not.toContain(':22');
    const socketOnly = { ...DETECTION, port: undefined };
    expect(
      planOf(socketOnly, defaultOptions(socketOnly)).warnings.join(' '),
    ).toContain('clients of MariaDB at /run/mysqld/mysqld.sock lose');
  });
  it('picks the no-restart way when detection found one', () => {
    const detection = {
      ...DETECTION,
      access: { kind: 'socket-root' } as const,
    };
    expect(
      planOf(detection, defaultOptions(detection)).steps.map((step) => step.id),
    ).toEqual(['check', 'change-in-session', 'check-normal']);
  });
  it('builds one script that only runs when it arrived whole, with a trap, and holds no plaintext in a command', () => {
    const { text } = remoteScript(DETECTION, OPTIONS, PASSWORD);
    expect(text.startsWith('main() {')).toBe(true);
    expect(text.trimEnd().endsWith('main "$@"')).toBe(true);
    expect(text).toContain('trap cleanup EXIT');
    // The plaintext is only in the login-check option file's here-document.
    const lines = text.split('\n').filter((line) => line.includes('$x é'));
    expect(lines).toEqual([`password=${optionValue(PASSWORD)}`]);
  });
  it('uses the SysV script and passes the options after start', () => {
    const detection = {
      ...DETECTION,
      manager: { kind: 'sysv', script: '/etc/init.d/mariadb' } as const,
    };
    const shown = planOf(detection, OPTIONS)
      .steps.flatMap((step) => step.commands)
      .join('\n');
    expect(shown).toContain('/etc/init.d/mariadb start --init-file=$INIT');
  });
});
