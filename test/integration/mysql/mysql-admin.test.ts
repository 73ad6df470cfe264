import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseService } from '../../../source/mysql/admin/databases.js';
import { createServerService } from '../../../source/mysql/admin/server-status.js';
import { createTableService } from '../../../source/mysql/admin/tables.js';
import { quoteId } from '../../../source/mysql/sql-quote.js';
import {
  labEndpoint,
  marker,
  openLabMysql,
  type LabMysql,
} from './mysql-lab.js';
import { mariadb, sshd } from '../ssh/ssh-lab.js';

const ready = sshd.info && mariadb.info;

describe.skipIf(!ready)(
  `MySQL admin through the SSH tunnel${sshd.missing}${mariadb.missing}`,
  () => {
    let lab: LabMysql;
    beforeAll(() => {
      lab = openLabMysql();
    });
    afterAll(() => lab.close());

    it('connects through the tunnel, asks the password once, and knows the server', async () => {
      await lab.session.connect();
      await lab.session.connect();
      expect(lab.asked).toEqual([
        `MySQL password for root at 127.0.0.1:${mariadb.info!.port}`,
      ]);
      expect(lab.session.state()).toBe('connected');
      expect(lab.session.identity()).toMatchObject({
        flavour: 'MariaDB',
        version: expect.stringMatching(/^\d+\.\d+\.\d+$/) as unknown,
      });
      const [row] = await lab.session.rows('SELECT USER() AS who');
      // The server sees the connection coming from the SSH host's loopback.
      expect(row?.['who']).toBe('root@127.0.0.1');
    });

    it('summarises the server with QPS from two samples, buffer pool and binlog', async () => {
      const summary = await createServerService(lab.session).summary({
        sampleMs: 200,
      });
      expect(summary.flavour).toBe('MariaDB');
      expect(summary.uptimeSeconds).toBeGreaterThan(0);
      expect(summary.connections.current).toBeGreaterThanOrEqual(1);
      expect(summary.connections.max).toBeGreaterThan(1);
      expect(summary.queriesPerSecond).toBeGreaterThan(0);
      expect(summary.bufferPool?.bytes).toBe(32 * 1024 * 1024);
      expect(summary.bufferPool?.usedFraction).toBeGreaterThan(0);
      expect(summary.binaryLog).toMatchObject({
        enabled: true,
        file: expect.stringMatching(/^mariadb-bin\.\d+$/) as unknown,
      });
      expect(summary.replica).toBeUndefined();
    });

    it('lists processes and kills a query and a connection', async () => {
      const server = createServerService(lab.session);
      const victim = await lab.session.openExtra();
      const sleeping = victim.connection
        .query('SELECT SLEEP(20) AS slept')
        .then(
          () => 'finished',
          (error: Error) => error.message,
        );
      let found;
      for (let tries = 0; tries < 50 && !found; tries++) {
        found = (await server.processes()).find(
          (row) => row.id === victim.threadId && row.info?.includes('SLEEP'),
        );
        if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(found).toMatchObject({ user: 'root', command: 'Query' });
      const started = Date.now();
      await server.kill(victim.threadId, 'query');
      // MariaDB ends an interrupted SLEEP() with an error rather than a 1.
      expect(await sleeping).toMatch(/interrupted/);
      expect(Date.now() - started).toBeLessThan(5000);
      await server.kill(victim.threadId, 'connection');
      await expect(victim.connection.query('SELECT 1')).rejects.toThrow();
      expect(
        (await server.processes()).some((row) => row.id === victim.threadId),
      ).toBe(false);
      expect(lab.events.getSnapshot().map((event) => event.message)).toEqual(
        expect.arrayContaining([
          expect.stringContaining(`KILL QUERY ${victim.threadId}`),
        ]),
      );
      await victim.close();
    });

    it('creates, lists and drops a database whose name has dots, backticks, quotes and unicode', async () => {
      const databases = createDatabaseService(lab.session);
      const name = `we.ird\`db'"ü-${marker()}`;
      expect(await databases.exists(name)).toBe(false);
      await databases.create(name, {
        charset: 'utf8mb4',
        collation: 'utf8mb4_bin',
      });
      expect(await databases.exists(name)).toBe(true);
      // Nothing was created under the part before the dot.
      expect(await databases.exists('we')).toBe(false);
      const row = (await databases.list()).find((each) => each.name === name);
      expect(row).toMatchObject({
        tables: 0,
        charset: 'utf8mb4',
        collation: 'utf8mb4_bin',
        system: false,
      });
      await lab.session.run(
        `CREATE TABLE ${quoteId(name)}.${quoteId('t.1')} (id INT PRIMARY KEY)`,
      );
      expect(
        (await databases.list()).find((each) => each.name === name)?.tables,
      ).toBe(1);
      await databases.drop(name);
      expect(await databases.exists(name)).toBe(false);
      const charsets = await databases.charsets();
      expect(
        charsets.find((each) => each.charset === 'utf8mb4')?.collations,
      ).toContain('utf8mb4_bin');
      await expect(databases.drop('mysql')).rejects.toThrow(/system database/);
    });

    it('lists tables with estimates and sizes, and shows a structure', async () => {
      const tables = createTableService(lab.session);
      const rows = await tables.list('shop');
      const orders = rows.find((row) => row.name === 'orders');
      expect(orders).toMatchObject({ engine: 'InnoDB', kind: 'BASE TABLE' });
      expect(orders?.estimatedRows).toBeGreaterThan(500);
      expect(orders?.dataBytes).toBeGreaterThan(0);
      expect(orders?.indexBytes).toBeGreaterThan(0);
      const structure = await tables.structure('shop', 'orders');
      expect(structure.primaryKey).toEqual(['id']);
      expect(structure.columns.map((column) => column.name)).toEqual([
        'id',
        'customer_id',
        'sku',
        'quantity',
        'note',
      ]);
      expect(
        structure.columns.find((column) => column.name === 'note'),
      ).toMatchObject({ nullable: true, type: 'text' });
      expect(structure.indexes).toEqual(
        expect.arrayContaining([
          { name: 'PRIMARY', unique: true, columns: ['id'], type: 'BTREE' },
          {
            name: 'customer_id',
            unique: false,
            columns: ['customer_id'],
            type: 'BTREE',
          },
        ]),
      );
      expect(structure.createStatement).toMatch(
        /FOREIGN KEY \(`customer_id`\) REFERENCES `customers`/,
      );
      const odd = await tables.structure('weird.name', 'odd`table');
      expect(odd.columns.map((column) => column.name)).toEqual([
        'id',
        'col.with.dots',
      ]);
      expect(odd.createStatement).toContain('CREATE TABLE `odd``table`');
    });

    it('turns driver errors into actionable messages', async () => {
      const tables = createTableService(lab.session);
      await expect(tables.structure('no_such_db', 'x')).rejects.toThrow(
        /Unknown database|doesn't exist/,
      );
      const wrong = openLabMysql({ password: 'not-the-password' });
      try {
        const failure = wrong.session.connect();
        await expect(failure).rejects.toThrow(
          /Access denied for user 'root'@'127.0.0.1'/,
        );
        const error = (await failure.catch((caught: unknown) => caught)) as {
          hint?: string;
        };
        expect(error.hint).toMatch(
          /MySQL sees the connection coming from the SSH host/,
        );
      } finally {
        await wrong.close();
      }
      const nowhere = openLabMysql({
        endpoint: { kind: 'tcp', host: '127.0.0.1', port: 1 },
      });
      try {
        await expect(nowhere.session.connect()).rejects.toThrow(
          /nothing answered at 127\.0\.0\.1:1/,
        );
      } finally {
        await nowhere.close();
      }
    });

    it('reaches MySQL through its Unix socket on the SSH host', async () => {
      const viaSocket = openLabMysql({
        endpoint: { kind: 'socket', path: mariadb.info!.socket },
      });
      try {
        const [row] = await viaSocket.session.rows(
          'SELECT @@port AS port, USER() AS who',
        );
        expect(row).toEqual({
          port: String(mariadb.info!.port),
          who: 'root@localhost',
        });
      } finally {
        await viaSocket.close();
      }
      expect(labEndpoint().kind).toBe('tcp');
    });
  },
);
