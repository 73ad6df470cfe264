import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventLog } from '../../../source/events/event-log.js';
import { createFileSink } from '../../../source/events/event-file.js';
import {
  createQueryConsole,
  type QueryConsole,
} from '../../../source/mysql/query/query-console.js';
import { createQueryHistory } from '../../../source/mysql/query/query-history.js';
import { createMysqlPlace } from '../../../source/mysql/mysql-place.js';
import { quoteId } from '../../../source/mysql/sql-quote.js';
import { createFollowingGuard } from '../../../source/safety/read-only.js';
import { marker, openLabMysql, type LabMysql } from './mysql-lab.js';
import { mariadb, sshd } from '../ssh/ssh-lab.js';

const ready = sshd.info && mariadb.info;

describe.skipIf(!ready)(
  `MySQL console read-only mode, enforced by the server${sshd.missing}${mariadb.missing}`,
  () => {
    const db = `ro_${marker()}`;
    const q = quoteId(db);
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-ro-'));
    const setting = { readOnly: false, reason: 'profile prod is read-only' };
    const eventsFile = join(dir, 'events.log');
    const historyFile = join(dir, 'history.jsonl');
    let admin: LabMysql;
    let lab: LabMysql;
    let sql: QueryConsole;
    const count = async (table: string) =>
      Number(
        (
          await admin.session.rows(`SELECT COUNT(*) AS n FROM ${q}.${table}`)
        )[0]?.['n'],
      );
    const sequenceNext = async () =>
      String(
        (
          await admin.session.rows(
            `SELECT next_not_cached_value AS v FROM ${q}.s`,
          )
        )[0]?.['v'],
      );
    const refused = async (statement: string, reason: RegExp) => {
      const error = await sql.run(statement).then(
        () => undefined,
        (failure: unknown) => failure as Error & { hint?: string },
      );
      expect(error?.message).toMatch(/^read-only: /);
      expect(error?.hint).toMatch(reason);
    };

    beforeAll(async () => {
      admin = openLabMysql();
      for (const statement of [
        `CREATE DATABASE ${q}`,
        `CREATE TABLE ${q}.t (id INT PRIMARY KEY) ENGINE=InnoDB`,
        `INSERT INTO ${q}.t SELECT seq FROM ${q}.seq_1_to_5`,
        `CREATE TABLE ${q}.m (id INT) ENGINE=MyISAM`,
        `INSERT INTO ${q}.m SELECT seq FROM ${q}.seq_1_to_5`,
        `CREATE TABLE ${q}.nbsp (\`\u00a0\` INT)`,
        `INSERT INTO ${q}.nbsp VALUES (1)`,
        `CREATE SEQUENCE ${q}.s`,
        `CREATE FUNCTION ${q}.wipe() RETURNS INT MODIFIES SQL DATA DETERMINISTIC BEGIN DELETE FROM ${q}.t; DELETE FROM ${q}.m; RETURN 1; END`,
        // Declares that it only reads, and deletes: only the server can stop it.
        `CREATE FUNCTION ${q}.liar() RETURNS INT READS SQL DATA DETERMINISTIC BEGIN DELETE FROM ${q}.t; RETURN 1; END`,
        `CREATE FUNCTION ${q}.double_it(x INT) RETURNS INT NO SQL DETERMINISTIC RETURN x * 2`,
      ])
        await admin.session.run(statement);
      const events = createEventLog({ sink: createFileSink(eventsFile) });
      lab = openLabMysql({
        guard: createFollowingGuard(() => setting),
        events,
      });
      sql = createQueryConsole(lab.session, {
        events,
        history: createQueryHistory({ file: historyFile }),
      });
    }, 60_000);
    afterAll(async () => {
      await sql.close();
      await admin.session.run(`DROP DATABASE IF EXISTS ${q}`);
      await admin.session.run(`DROP USER IF EXISTS 'bob_${db}'@'localhost'`);
      await lab.close();
      await admin.close();
    });

    it('runs reads in a read-only transaction', async () => {
      setting.readOnly = true;
      const state = await sql.run('SELECT @@in_transaction, @@tx_read_only');
      expect(state.kind === 'rows' && state.rows).toEqual([['1', '1']]);
      const result = await sql.run(
        `SELECT ${q}.double_it(21), COUNT(*) FROM ${q}.t`,
      );
      expect(result.kind === 'rows' && result.rows).toEqual([['42', '5']]);
    });

    it("reports a statement that does not parse with the server's whole message, not as a write", async () => {
      for (const readOnly of [true, false]) {
        setting.readOnly = readOnly;
        await expect(sql.classify('SELEC * FROM t;')).rejects.toThrow(
          /^MySQL ER_PARSE_ERROR: You have an error in your SQL syntax;.* near 'SELEC \* FROM t' at line 1$/,
        );
        await expect(
          sql.run(`UPDATE ${q}.t SET id = id +\nWHERE id = 1`),
        ).rejects.toThrow(/near 'WHERE id = 1' at line 2$/);
      }
      // A write that parses is still a write: refused, and nothing changed.
      setting.readOnly = true;
      await refused(
        `INSERT INTO ${q}.t VALUES (99);`,
        /INSERT is not a read statement/,
      );
      expect(await count('t')).toBe(5);
    });

    it('runs in the database chosen in the panes, and a USE typed in it moves the choice', async () => {
      setting.readOnly = true;
      const place = createMysqlPlace();
      const inPlace = createQueryConsole(lab.session, { place });
      try {
        place.set({ database: db, table: 't' });
        const found = await inPlace.run(
          'SELECT DATABASE(), COUNT(*) > 0 FROM t',
        );
        expect(found.kind === 'rows' && found.rows).toEqual([[db, '1']]);
        await inPlace.run('USE mysql;');
        expect(place.getSnapshot()).toEqual({
          database: 'mysql',
          table: undefined,
        });
        place.set({ database: db, table: undefined });
        const back = await inPlace.run('SELECT DATABASE()');
        expect(back.kind === 'rows' && back.rows).toEqual([[db]]);
      } finally {
        await inPlace.close();
      }
    });

    it('refuses a function that modifies data, and the server stops one that lies about it', async () => {
      setting.readOnly = true;
      await refused(
        `SELECT ${q}.wipe()`,
        /wipe, a function declared MODIFIES SQL DATA/,
      );
      await sql.run(`USE ${q}`);
      await refused('SELECT wipe()', /MODIFIES SQL DATA/);
      await refused('SHOW TABLES WHERE wipe()', /MODIFIES SQL DATA/);
      await expect(sql.run(`SELECT ${q}.liar()`)).rejects.toThrow(
        /^read-only: /,
      );
      expect(await count('t')).toBe(5);
      expect(await count('m')).toBe(5);
    });

    it('refuses a loadable function, which is native code', async () => {
      expect.assertions(2);
      setting.readOnly = true;
      // Registered as the server would list it; loaded only at start-up, so inert here.
      const udf = `opsdeck_udf_${marker()}`;
      await admin.session.run(
        `INSERT INTO mysql.func (name, ret, dl, type) VALUES ('${udf}', 0, 'opsdeck_none.so', 'function')`,
      );
      try {
        await refused(
          `SELECT ${udf.toUpperCase()}('x')`,
          /a loadable function/,
        );
      } finally {
        await admin.session.run(`DELETE FROM mysql.func WHERE name = '${udf}'`);
      }
    });

    it('refuses SETVAL, NEXTVAL, GET_LOCK and LOAD_FILE', async () => {
      setting.readOnly = true;
      await refused(`SELECT SETVAL(${q}.s, 5000)`, /SETVAL changes a sequence/);
      await refused(`SELECT NEXTVAL(${q}.s)`, /NEXTVAL/);
      await refused(`SELECT NEXT VALUE FOR ${q}.s`, /NEXT VALUE FOR/);
      await refused("SELECT GET_LOCK('opsdeck', 1)", /GET_LOCK/);
      await refused("SELECT LOAD_FILE('/etc/hostname')", /LOAD_FILE/);
      expect(await sequenceNext()).toBe('1');
    });

    it('refuses INTO OUTFILE hidden behind -- and a non-breaking space', async () => {
      setting.readOnly = true;
      const file = join(dir, 'nbsp.txt');
      await refused(
        `SELECT 1 --\u00a0 FROM ${q}.nbsp INTO OUTFILE '${file}'`,
        /INTO OUTFILE writes a file/,
      );
      expect(existsSync(file)).toBe(false);
    });

    it('lexes a backslash as the session does under NO_BACKSLASH_ESCAPES', async () => {
      setting.readOnly = false;
      await sql.run(
        "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')",
      );
      setting.readOnly = true;
      const file = join(dir, 'backslash.txt');
      await refused(
        `SELECT '\\' INTO OUTFILE '${file}' -- '`,
        /INTO OUTFILE writes a file/,
      );
      expect(existsSync(file)).toBe(false);
    });

    it('refuses DESCRIBE ANALYZE, which runs the statement', async () => {
      setting.readOnly = true;
      // MariaDB's parser has no DESCRIBE/EXPLAIN ANALYZE: it says so before anything runs.
      for (const word of ['DESCRIBE', 'EXPLAIN'])
        await expect(
          sql.run(`${word} ANALYZE DELETE FROM ${q}.t`),
        ).rejects.toThrow(/^MySQL ER_PARSE_ERROR: .* near 'ANALYZE DELETE/);
      // Its own form, which runs the statement, parses and is refused.
      await refused(
        `ANALYZE DELETE FROM ${q}.m`,
        /ANALYZE is not a read statement/,
      );
      expect(await count('t')).toBe(5);
      expect(await count('m')).toBe(5);
    });

    it('follows the setting: writable again, then read-only at once', async () => {
      setting.readOnly = false;
      await sql.run(`INSERT INTO ${q}.t VALUES (6)`);
      expect(await count('t')).toBe(6);
      setting.readOnly = true;
      await refused(`DELETE FROM ${q}.t`, /profile prod is read-only/);
      expect(await count('t')).toBe(6);
    });

    it('keeps passwords out of the event log and the history', async () => {
      setting.readOnly = false;
      await expect(
        sql.run("CREATE USR bob IDENTIFIED BY 'hunter2'"),
      ).rejects.toThrow(/ER_PARSE_ERROR|syntax/);
      await sql.run(
        `CREATE USER 'bob_${db}'@'localhost' IDENTIFIED BY 'hunter2'`,
      );
      await sql.run("SELECT SHA2('hunter2', 256) AS h");
      const log = readFileSync(eventsFile, 'utf8');
      const history = readFileSync(historyFile, 'utf8');
      expect(log).toContain(
        "ER_PARSE_ERROR (1064): CREATE USR bob IDENTIFIED BY '***'",
      );
      expect(history).toContain("IDENTIFIED BY '***'");
      expect(history).toContain("SHA2('***', 256)");
      expect(log).not.toContain('hunter2');
      expect(history).not.toContain('hunter2');
    });
  },
);
