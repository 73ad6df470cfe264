import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseService } from '../../../source/mysql/admin/databases.js';
import { dumpDatabase } from '../../../source/mysql/dump/dump.js';
import { restoreDatabase } from '../../../source/mysql/dump/restore.js';
import { text } from '../../../source/mysql/cells.js';
import { createUserService } from '../../../source/mysql/admin/users.js';
import { quoteId, quoteTable } from '../../../source/mysql/sql-quote.js';
import { marker, openLabMysql, type LabMysql } from './mysql-lab.js';
import { mariadb, sshd } from '../ssh/ssh-lab.js';

const ready = sshd.info && mariadb.info;

/** Files a dump to `path` writes before it is complete, left behind. */
function partialsOf(path: string): string[] {
  return readdirSync(dirname(path)).filter((name) =>
    name.startsWith(`.${basename(path)}.opsdeck-`),
  );
}

describe.skipIf(!ready)(
  `MySQL dump and restore over SSH${sshd.missing}${mariadb.missing}`,
  () => {
    let admin: LabMysql;
    let lab: LabMysql;
    const tag = marker();
    const source = `dump.src ü'${tag}`;
    const targets = [`dump.dst ${tag}`, `dump.gz ${tag}`];
    const dumper = { user: `dumper-${tag}`, host: '%' };
    // A password the option file must carry exactly: quotes, backslash, hash, spaces.
    const password = `p"a#s\\s 'w ${tag}`;
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-dump-'));
    beforeAll(async () => {
      admin = openLabMysql();
      await createDatabaseService(admin.session).create(source);
      const t = (name: string) => quoteTable(source, name);
      await admin.session.run(
        `CREATE TABLE ${t('items')} (id INT PRIMARY KEY, label VARCHAR(40), blob_value VARBINARY(16) NULL, note TEXT NULL)`,
      );
      await admin.session.run(
        `INSERT INTO ${t('items')} SELECT seq, CONCAT('ïtem ', seq, ' ''q'''), UNHEX(LPAD(HEX(seq), 8, '0')), IF(seq % 7 = 0, NULL, REPEAT('x', seq % 50)) FROM ${quoteId(source)}.seq_1_to_20000`,
      );
      await admin.session.run(
        `CREATE TABLE ${t('odd`name')} (k VARCHAR(10) PRIMARY KEY, v JSON)`,
      );
      await admin.session.run(
        `INSERT INTO ${t('odd`name')} VALUES ('a', '{"x": 1}'), ('b', NULL)`,
      );
      const users = createUserService(admin.session);
      await users.create(dumper, password);
      await users.grant(dumper, ['ALL PRIVILEGES'], { database: source });
      for (const target of targets)
        await users.grant(dumper, ['ALL PRIVILEGES'], { database: target });
      lab = openLabMysql({ user: dumper.user, password });
      // Created by the dumping user, so its DEFINER can be restored without SUPER.
      await lab.session.run(
        `CREATE VIEW ${t('v')} AS SELECT id FROM ${t('items')} WHERE id < 10`,
      );
    }, 60_000);
    afterAll(async () => {
      const databases = createDatabaseService(admin.session);
      for (const name of [source, ...targets])
        await databases.drop(name).catch(() => undefined);
      await createUserService(admin.session)
        .drop(dumper)
        .catch(() => undefined);
      await lab.close();
      await admin.close();
    });

    async function checksums(
      database: string,
    ): Promise<Record<string, string>> {
      const rows = await admin.session.rows(
        `CHECKSUM TABLE ${quoteTable(database, 'items')}, ${quoteTable(database, 'odd`name')}`,
      );
      return Object.fromEntries<string>(
        rows.map((row): [string, string] => [
          text(row['Table']).split('.').pop() ?? '',
          text(row['Checksum']),
        ]),
      );
    }

    it('dumps to a file with progress and restores into a new database with equal checksums', async () => {
      const path = join(dir, 'plain.sql');
      const progress: number[] = [];
      const dumped = await dumpDatabase(lab.session, {
        database: source,
        to: { kind: 'file', path },
        onProgress: (bytes) => progress.push(bytes),
      });
      expect(dumped.tool).toMatch(/mariadb-dump|mysqldump/);
      expect(dumped.bytes).toBe(statSync(path).size);
      expect(progress.at(-1)).toBe(dumped.bytes);
      expect(partialsOf(path)).toEqual([]);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('CREATE TABLE `odd``name`');
      expect(text).toContain('0x00004E20');
      const target = targets[0]!;
      expect(await createDatabaseService(lab.session).exists(target)).toBe(
        false,
      );
      const restored = await restoreDatabase(lab.session, {
        database: target,
        file: path,
      });
      expect(restored).toMatchObject({
        bytes: statSync(path).size,
        created: true,
      });
      const [before, after] = [
        await checksums(source),
        await checksums(target),
      ];
      expect(after).toEqual(before);
      expect(Object.values(before).every((sum) => sum !== '0')).toBe(true);
      const [view] = await admin.session.rows(
        `SELECT COUNT(*) AS n FROM ${quoteTable(target, 'v')}`,
      );
      expect(view?.['n']).toBe('9');
    });

    it('round-trips through gzip, and into an upload stream', async () => {
      const path = join(dir, 'packed.sql.gz');
      const dumped = await dumpDatabase(lab.session, {
        database: source,
        to: { kind: 'file', path },
        gzip: true,
      });
      const packed = readFileSync(path);
      expect([packed[0], packed[1]]).toEqual([0x1f, 0x8b]);
      expect(dumped.storedBytes).toBe(packed.length);
      expect(gunzipSync(packed).length).toBe(dumped.bytes);
      const target = targets[1]!;
      await createDatabaseService(admin.session).create(target);
      expect(await createDatabaseService(lab.session).exists(target)).toBe(
        true,
      );
      const restored = await restoreDatabase(lab.session, {
        database: target,
        file: path,
      });
      expect(restored.created).toBe(false);
      expect(await checksums(target)).toEqual(await checksums(source));
      const chunks: Buffer[] = [];
      const uploaded = await dumpDatabase(lab.session, {
        database: source,
        to: {
          kind: 'upload',
          upload: async (body) => {
            for await (const chunk of body) chunks.push(chunk as Buffer);
          },
        },
      });
      expect(Buffer.concat(chunks).length).toBe(uploaded.bytes);
      expect(Buffer.concat(chunks).toString()).toContain(
        'INSERT INTO `items` VALUES',
      );
    });

    it('says what went wrong when the tool fails, and leaves no partial file', async () => {
      const path = join(dir, 'missing.sql');
      await expect(
        dumpDatabase(lab.session, {
          database: `no such db ${tag}`,
          to: { kind: 'file', path },
        }),
      ).rejects.toThrow(
        /dump of no such db .* failed.*(Unknown database|Access denied)/,
      );
      expect(existsSync(path)).toBe(false);
      expect(partialsOf(path)).toEqual([]);
    });

    it('allows a dump but refuses a restore in read-only mode', async () => {
      const readOnly = openLabMysql({
        readOnly: true,
        user: dumper.user,
        password,
      });
      try {
        const path = join(dir, 'readonly.sql');
        await dumpDatabase(readOnly.session, {
          database: source,
          to: { kind: 'file', path },
        });
        await expect(
          restoreDatabase(readOnly.session, {
            database: targets[0]!,
            file: path,
          }),
        ).rejects.toThrow(/read-only/);
      } finally {
        await readOnly.close();
      }
    });

    it('writes under an unpredictable name, never through a file planted beside the target', async () => {
      const path = join(dir, 'planted.sql');
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'keep me\n');
      // The name a dump used to write to first: a symlink there must not be followed.
      symlinkSync(victim, `${path}.partial`);
      await dumpDatabase(lab.session, {
        database: source,
        to: { kind: 'file', path },
      });
      expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
      expect(readFileSync(path, 'utf8')).toContain('CREATE TABLE `odd``name`');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(
        readdirSync(dir).filter((name) => name.endsWith('.partial')),
      ).toEqual(['planted.sql.partial']);
    });
  },
);
