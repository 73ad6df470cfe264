import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseService } from '../../../source/mysql/admin/databases.js';
import { createUserService } from '../../../source/mysql/admin/users.js';
import { quoteTable } from '../../../source/mysql/sql-quote.js';
import { marker, openLabMysql, type LabMysql } from './mysql-lab.js';
import { mariadb, sshd } from '../ssh/ssh-lab.js';

const ready = sshd.info && mariadb.info;

describe.skipIf(!ready)(
  `MySQL users and grants through the tunnel${sshd.missing}${mariadb.missing}`,
  () => {
    let lab: LabMysql;
    const tag = marker();
    const obrien = { user: `o'brien-${tag}`, host: '10.%' };
    const tester = { user: `tëster\`${tag}`, host: '%' };
    const database = `app.db_${tag}`;
    beforeAll(async () => {
      lab = openLabMysql();
      await createDatabaseService(lab.session).create(database);
      await lab.session.run(
        `CREATE TABLE ${quoteTable(database, 'odd`t')} (id INT PRIMARY KEY)`,
      );
      await lab.session.run(
        `INSERT INTO ${quoteTable(database, 'odd`t')} VALUES (7)`,
      );
    });
    afterAll(async () => {
      const users = createUserService(lab.session);
      for (const account of [obrien, tester])
        await users.drop(account).catch(() => undefined);
      await createDatabaseService(lab.session).drop(database);
      await lab.close();
    });

    it("creates o'brien@10.%, grants on db.* and a table, shows, revokes and drops", async () => {
      const users = createUserService(lab.session);
      await users.create(obrien, `pa'ss"\\word-${tag}`);
      const listed = (await users.list()).find(
        (row) => row.user === obrien.user,
      );
      expect(listed).toMatchObject({
        host: '10.%',
        hasPassword: true,
        warnings: [],
      });
      await users.grant(obrien, ['select', 'INSERT'], { database });
      await users.grant(obrien, ['UPDATE'], { database, table: 'odd`t' });
      const grants = await users.showGrants(obrien);
      const dbName = database.replace('_', '\\_');
      expect(grants).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^GRANT USAGE ON \*\.\* TO `o'brien-\w+`@`10\.%` IDENTIFIED BY PASSWORD '<hash>'$/,
          ),
          `GRANT SELECT, INSERT ON \`${dbName}\`.* TO \`${obrien.user}\`@\`10.%\``,
          `GRANT UPDATE ON \`${database}\`.\`odd\`\`t\` TO \`${obrien.user}\`@\`10.%\``,
        ]),
      );
      await users.revoke(obrien, ['INSERT'], { database });
      expect(await users.showGrants(obrien)).toContain(
        `GRANT SELECT ON \`${dbName}\`.* TO \`${obrien.user}\`@\`10.%\``,
      );
      await expect(
        users.grant(obrien, ['SUPER'], { database }),
      ).rejects.toThrow(/not a database privilege: SUPER/);
      await users.drop(obrien);
      expect((await users.list()).some((row) => row.user === obrien.user)).toBe(
        false,
      );
      const messages = lab.events
        .getSnapshot()
        .map((event) => event.message)
        .join('\n');
      expect(messages).toContain(`create user '${obrien.user}'@'10.%'`);
      expect(messages).not.toContain('word-');
    });

    it('sets a password the account can then log in with, limited to its grants', async () => {
      const users = createUserService(lab.session);
      await users.create(tester, undefined);
      expect(
        (await users.list())
          .find((row) => row.user === tester.user)
          ?.warnings.map((warning) => warning.kind),
      ).toEqual(['open-without-password']);
      const password = `new 'secret' ${tag}`;
      await users.setPassword(tester, password);
      await users.grant(tester, ['SELECT'], { database });
      const asTester = openLabMysql({ user: tester.user, password });
      try {
        const [row] = await asTester.session.rows(
          `SELECT id FROM ${quoteTable(database, 'odd`t')}`,
        );
        expect(row).toEqual({ id: 7 });
        await expect(
          asTester.session.rows('SELECT * FROM shop.customers'),
        ).rejects.toThrow(/SELECT command denied/);
      } finally {
        await asTester.close();
      }
    });

    it('warns about application users with global privileges and open accounts', async () => {
      const rows = await createUserService(lab.session).list();
      const legacy = rows.find(
        (row) => row.user === 'legacy' && row.host === '%',
      );
      expect(legacy?.warnings.map((warning) => warning.kind).sort()).toEqual([
        'global-privileges',
        'open-without-password',
      ]);
      expect(rows.find((row) => row.user === 'app')?.warnings).toEqual([]);
      expect(
        rows.find((row) => row.user === 'root' && row.host === 'localhost')
          ?.warnings,
      ).toEqual([]);
    });

    it('refuses every account write in read-only mode', async () => {
      const readOnly = openLabMysql({ readOnly: true });
      try {
        const users = createUserService(readOnly.session);
        const account = { user: `ro-${tag}`, host: '%' };
        await expect(users.create(account, 'x')).rejects.toThrow(/read-only/);
        await expect(
          users.grant({ user: 'app', host: '%' }, ['SELECT'], { database }),
        ).rejects.toThrow(/read-only/);
        await expect(users.drop({ user: 'app', host: '%' })).rejects.toThrow(
          /read-only/,
        );
        expect(
          (await users.list()).some((row) => row.user === account.user),
        ).toBe(false);
        expect(await users.showGrants({ user: 'app', host: '%' })).toHaveLength(
          2,
        );
      } finally {
        await readOnly.close();
      }
    });
  },
);
