import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueryConsole } from '../../../source/mysql/query/query-console.js';
import { createQueryHistory } from '../../../source/mysql/query/query-history.js';
import { createRowPager } from '../../../source/mysql/rows-pager.js';
import { quoteId, quoteTable } from '../../../source/mysql/sql-quote.js';
import { createDatabaseService } from '../../../source/mysql/admin/databases.js';
import { marker, openLabMysql, type LabMysql } from './mysql-lab.js';
import { mariadb, sshd } from '../ssh/ssh-lab.js';
import type { RowPage } from '../../../source/mysql/row-page.js';

const ready = sshd.info && mariadb.info;
const ROWS = 100_000;

describe.skipIf(!ready)(
  `MySQL rows and query console through the tunnel${sshd.missing}${mariadb.missing}`,
  () => {
    let lab: LabMysql;
    const database = `paging.ü'${marker()}`;
    beforeAll(async () => {
      lab = openLabMysql();
      await createDatabaseService(lab.session).create(database, {
        charset: 'utf8mb4',
      });
      const big = quoteTable(database, 'big`rows');
      await lab.session.run(
        `CREATE TABLE ${big} (id INT PRIMARY KEY, label VARCHAR(40), maybe INT NULL)`,
      );
      // Seeded server-side: 100,000 rows in one statement.
      await lab.session.run(
        `INSERT INTO ${big} SELECT seq, CONCAT('row ', seq), IF(seq % 10 = 0, NULL, seq) FROM ${quoteId(database)}.seq_1_to_${ROWS}`,
      );
      await lab.session.run(
        `CREATE TABLE ${quoteTable(database, 'pairs')} (a INT, b VARCHAR(10), PRIMARY KEY (a, b))`,
      );
      await lab.session.run(
        `INSERT INTO ${quoteTable(database, 'pairs')} SELECT s.seq, x.b FROM ${quoteId(database)}.seq_1_to_5 s, (SELECT 'x' AS b UNION SELECT 'y' UNION SELECT 'z') x`,
      );
      await lab.session.run(
        `CREATE TABLE ${quoteTable(database, 'no key')} (v INT)`,
      );
      await lab.session.run(
        `INSERT INTO ${quoteTable(database, 'no key')} SELECT seq FROM ${quoteId(database)}.seq_1_to_250`,
      );
    }, 60_000);
    afterAll(async () => {
      await createDatabaseService(lab.session).drop(database);
      await lab.close();
    });

    const ids = (page: RowPage) => page.rows.map((row) => Number(row[0]));

    it('pages 100,000 rows by primary key from both ends', async () => {
      const pager = createRowPager(lab.session);
      const first = await pager.page(
        database,
        'big`rows',
        { at: 'first' },
        { limit: 50 },
      );
      expect(first.mode).toBe('keyset');
      expect(ids(first)).toEqual(
        Array.from({ length: 50 }, (_, index) => index + 1),
      );
      expect(first).toMatchObject({
        hasPrevious: false,
        hasNext: true,
        primaryKey: ['id'],
      });
      const second = await pager.page(
        database,
        'big`rows',
        { after: first.last! },
        { limit: 50 },
      );
      expect(ids(second)[0]).toBe(51);
      const back = await pager.page(
        database,
        'big`rows',
        { before: second.first! },
        { limit: 50 },
      );
      expect(ids(back)).toEqual(ids(first));
      const last = await pager.page(
        database,
        'big`rows',
        { at: 'last' },
        { limit: 50 },
      );
      expect(ids(last)).toEqual(
        Array.from({ length: 50 }, (_, index) => ROWS - 49 + index),
      );
      expect(last).toMatchObject({ hasPrevious: true, hasNext: false });
      const beforeLast = await pager.page(
        database,
        'big`rows',
        { before: last.first! },
        { limit: 50 },
      );
      expect(ids(beforeLast).at(-1)).toBe(ROWS - 50);
      const afterEnd = await pager.page(
        database,
        'big`rows',
        { after: last.last! },
        { limit: 50 },
      );
      expect(afterEnd.rows).toEqual([]);
      // NULL stays distinct from the text "NULL"; numbers arrive as text.
      expect(first.rows[9]).toEqual(['10', 'row 10', null]);
      expect(first.columns.map((column) => column.name)).toEqual([
        'id',
        'label',
        'maybe',
      ]);
    });

    it('pages a composite key and a table without a key', async () => {
      const pager = createRowPager(lab.session);
      const first = await pager.page(
        database,
        'pairs',
        { at: 'first' },
        { limit: 4 },
      );
      expect(
        first.rows.map((row) =>
          row.map((cell) => (typeof cell === 'string' ? cell : '?')).join(''),
        ),
      ).toEqual(['1x', '1y', '1z', '2x']);
      const next = await pager.page(
        database,
        'pairs',
        { after: first.last! },
        { limit: 4 },
      );
      expect(
        next.rows.map((row) =>
          row.map((cell) => (typeof cell === 'string' ? cell : '?')).join(''),
        ),
      ).toEqual(['2y', '2z', '3x', '3y']);
      const none = await pager.page(
        database,
        'no key',
        { at: 'first' },
        { limit: 100 },
      );
      expect(none).toMatchObject({ mode: 'offset', offset: 0, hasNext: true });
      const tail = await pager.page(
        database,
        'no key',
        { at: 'last' },
        { limit: 100 },
      );
      expect(tail).toMatchObject({
        offset: 150,
        hasNext: false,
        hasPrevious: true,
      });
      expect(tail.rows).toHaveLength(100);
    });

    it('shows binary data as hex', async () => {
      const page = await createRowPager(lab.session).page(
        'shop',
        'products',
        { at: 'first' },
        { limit: 2 },
      );
      const image = page.columns.findIndex((column) => column.name === 'image');
      expect(page.columns[image]?.binary).toBe(true);
      expect(page.rows[0]?.[image]).toEqual({ hex: 'deadbeef', bytes: 4 });
      expect(page.rows[1]?.[image]).toBeNull();
    });

    it('runs exactly one typed statement with rows, affected rows and time', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'opsdeck-history-'));
      const history = createQueryHistory({ file: join(dir, 'history.jsonl') });
      const console = createQueryConsole(lab.session, { history });
      const result = await console.run(
        `SELECT label, maybe FROM ${quoteTable(database, 'big`rows')} WHERE id IN (9, 10);`,
      );
      expect(result).toMatchObject({
        kind: 'rows',
        rows: [
          ['row 9', '9'],
          ['row 10', null],
        ],
        truncated: false,
      });
      expect(result.elapsedMs).toBeGreaterThan(0);
      const update = await console.run(
        `UPDATE ${quoteTable(database, 'big`rows')} SET label = 'changed' WHERE id <= 3`,
      );
      expect(update).toMatchObject({ kind: 'done', affectedRows: 3 });
      const capped = await console.run(
        `SELECT * FROM ${quoteTable(database, 'big`rows')}`,
        { maxRows: 1000 },
      );
      expect(capped).toMatchObject({ kind: 'rows', truncated: true });
      expect(capped.kind === 'rows' && capped.rows.length).toBe(1000);
      await expect(console.run('SELECT 1; SELECT 2')).rejects.toThrow(
        /2 statements: the console runs one statement at a time/,
      );
      await expect(console.run('DELIMITER //')).rejects.toThrow(
        /client command/,
      );
      await expect(console.run('SELEC 1')).rejects.toThrow(/ER_PARSE_ERROR/);
      await console
        .run(
          `CREATE USER ${quoteId('h')}@'%' IDENTIFIED BY 'hunter2-${marker()}'`,
        )
        .catch(() => undefined);
      await console.run(`DROP USER IF EXISTS 'h'@'%'`);
      const saved = readFileSync(join(dir, 'history.jsonl'), 'utf8');
      expect(saved).toContain('WHERE id IN (9, 10)');
      expect(saved).toContain('DROP USER');
      expect(saved).not.toContain('hunter2');
      await console.close();
    });

    it('cancels a running query with KILL QUERY from the admin connection', async () => {
      const console = createQueryConsole(lab.session);
      const running = console.run('SELECT SLEEP(30)');
      const caught = running.then(
        () => 'finished',
        (error: Error) => error.message,
      );
      for (let waited = 0; !console.running() && waited < 2000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      expect(await console.cancel()).toBe(true);
      expect(await caught).toMatch(/cancelled/);
      expect(Date.now() - started).toBeLessThan(3000);
      // The console connection is still usable afterwards.
      expect(await console.run('SELECT 2 AS two')).toMatchObject({
        rows: [['2']],
      });
      const controller = new AbortController();
      const aborted = console
        .run('SELECT SLEEP(30)', { signal: controller.signal })
        .then(
          () => 'finished',
          (error: Error) => error.message,
        );
      setTimeout(() => controller.abort(), 300);
      expect(await aborted).toMatch(/cancelled/);
      await console.close();
    });

    it('lets only reads through in read-only mode and logs the refusal', async () => {
      const readOnly = openLabMysql({ readOnly: true });
      try {
        const console = createQueryConsole(readOnly.session);
        expect(await console.run('SHOW DATABASES')).toMatchObject({
          kind: 'rows',
        });
        expect(
          await console.run(`WITH x AS (SELECT 1 AS one) SELECT one FROM x`),
        ).toMatchObject({ rows: [['1']] });
        expect(
          await console.run(`DESCRIBE ${quoteTable(database, 'pairs')}`),
        ).toMatchObject({ kind: 'rows' });
        await expect(
          console.run(`DELETE FROM ${quoteTable(database, 'pairs')}`),
        ).rejects.toThrow(
          /read-only: query console DELETE statement was not sent/,
        );
        await expect(
          console.run(
            `SELECT * FROM ${quoteTable(database, 'pairs')} INTO OUTFILE '/tmp/x'`,
          ),
        ).rejects.toThrow(/read-only/);
        await expect(
          createDatabaseService(readOnly.session).create(`ro-${marker()}`),
        ).rejects.toThrow(/read-only/);
        const [count] = await lab.session.rows(
          `SELECT COUNT(*) AS n FROM ${quoteTable(database, 'pairs')}`,
        );
        expect(count?.['n']).toBe('15');
        const blocked = readOnly.events
          .getSnapshot()
          .filter((event) => event.level === 'warn');
        expect(blocked.map((event) => event.message)).toEqual([
          expect.stringMatching(/^blocked query console DELETE statement/),
          expect.stringMatching(/^blocked query console SELECT statement/),
          expect.stringMatching(/^blocked create database/),
        ]);
        await console.close();
      } finally {
        await readOnly.close();
      }
    });
  },
);
