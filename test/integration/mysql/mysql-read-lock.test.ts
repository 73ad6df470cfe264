/**
 * snapshot-all --mysql's read lock against the lab's MariaDB: while the call
 * runs, a write from another connection waits; once it returns, the write
 * goes through; the binary log position is the one the server reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeBinlog,
  withReadLock,
} from '../../../source/consistency/mysql-read-lock.js';
import { mariadb } from '../ssh/ssh-lab.js';
import { marker, openLabMysql, type LabMysql } from './mysql-lab.js';

describe.skipIf(!mariadb.info)(
  `FLUSH TABLES WITH READ LOCK around a call${mariadb.missing}`,
  () => {
    let holder: LabMysql;
    let writer: LabMysql;
    const database = `lock_${marker()}`;
    beforeAll(async () => {
      holder = openLabMysql();
      writer = openLabMysql();
      await writer.session.connect();
      await writer.session.run(`CREATE DATABASE \`${database}\``);
      await writer.session.run(`CREATE TABLE \`${database}\`.t (id INT)`);
    });
    afterAll(async () => {
      await writer.session.run(`DROP DATABASE \`${database}\``);
      await holder.close();
      await writer.close();
    });

    it('blocks a write from another connection until the call returns', async () => {
      await holder.session.connect();
      const link = await writer.session.openExtra();
      let inserted = false;
      let insert: Promise<unknown> | undefined;
      const { value, binlog } = await withReadLock(
        holder.session,
        10_000,
        async () => {
          insert = link.connection
            .query(`INSERT INTO \`${database}\`.t VALUES (1)`)
            .then(() => (inserted = true));
          await new Promise((resolve) => setTimeout(resolve, 600));
          return inserted;
        },
      );
      expect(value).toBe(false);
      await insert;
      expect(inserted).toBe(true);
      const rows = await writer.session.rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM \`${database}\`.t`,
      );
      expect(Number(rows[0]?.n)).toBe(1);
      // The server's own answer, asked independently after the lock.
      const status = await writer.session.rows<{
        File: string;
        Position: number;
      }>('SHOW MASTER STATUS');
      if (status[0] === undefined) {
        expect(describeBinlog(binlog)).toBe(
          'binary logging is off on this server: no position to report',
        );
      } else {
        // Seen under the lock, so before the write that waited for it.
        expect(binlog.file).toBe(status[0].File);
        expect(Number(binlog.position)).toBeLessThan(
          Number(status[0].Position),
        );
        expect(describeBinlog(binlog)).toBe(
          `binary log position under the lock: ${status[0].File} ${binlog.position ?? ''}`,
        );
      }
      await link.close();
    });

    it('releases the lock when the call fails', async () => {
      await expect(
        withReadLock(holder.session, 10_000, () =>
          Promise.reject(new Error('CreateSnapshots failed')),
        ),
      ).rejects.toThrow('CreateSnapshots failed');
      const link = await writer.session.openExtra();
      await link.connection.query({
        sql: `INSERT INTO \`${database}\`.t VALUES (2)`,
        timeout: 3000,
      });
      await link.close();
    });
  },
);
